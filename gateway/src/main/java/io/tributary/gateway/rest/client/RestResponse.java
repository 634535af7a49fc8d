package io.tributary.gateway.rest.client;

/** A service's answer: its status (2xx or 404; other statuses are failures) and its body parsed once into maps and lists, or null when empty. */
public record RestResponse(int status, Object json) {

    public boolean isNotFound() {
        return status == 404;
    }
}
