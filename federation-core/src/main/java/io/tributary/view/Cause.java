package io.tributary.view;

/** The catalog event that produced a view: where it sits in the log, so an operator can find and replay it. */
public record Cause(String topic, int partition, long offset, String key) {
}
