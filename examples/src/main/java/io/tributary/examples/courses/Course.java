package io.tributary.examples.courses;

import io.micronaut.serde.annotation.Serdeable;

/** A course as the courses service returns it; v1 deploys leave {@code durationMinutes} out. */
@Serdeable
public record Course(String id, String title, String subtitle, double rating, Integer durationMinutes) {

    Course forVariant(Variant variant) {
        return variant == Variant.V2 ? this : new Course(id, title, subtitle, rating, null);
    }
}
