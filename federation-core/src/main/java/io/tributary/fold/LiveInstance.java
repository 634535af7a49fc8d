package io.tributary.fold;

/** One live instance of a service as the view reports it: which deploy it runs and where it answers. */
public record LiveInstance(String instanceId, String serviceVersion, String baseUrl) {
}
