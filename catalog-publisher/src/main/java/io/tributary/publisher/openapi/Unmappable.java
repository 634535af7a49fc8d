package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;

/** Why one operation (or a resource's model) cannot become part of the catalog; ends up in the report, never thrown out. */
final class Unmappable extends RuntimeException {
    private final Category category;

    Unmappable(Category category, String reason) {
        super(reason, null, false, false);
        this.category = category;
    }

    Category category() {
        return category;
    }
}
