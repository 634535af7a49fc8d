package io.tributary.publisher.openapi;

/** Why one operation (or a resource's model) cannot become part of the catalog; ends up in the report, never thrown out. */
final class Unmappable extends RuntimeException {
    Unmappable(String reason) {
        super(reason, null, false, false);
    }
}
