package io.tributary.publisher.annotation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A Naptime list response, {@code {"elements": [...], "paging": {"total": N, "next": "..."}}}: a route that returns
 * it is published with the Naptime response envelope, one that returns a {@code List} with a bare array.
 */
@Serdeable
public record Page<T>(List<T> elements, Paging paging) {

    public Page {
        elements = List.copyOf(elements);
    }

    /** How many elements there are in all, and where the next page starts (absent on the last page). */
    @Serdeable
    public record Paging(@Nullable Long total, @Nullable String next) {
    }

    /** All the elements there are, in one page. */
    public static <T> Page<T> of(List<T> elements) {
        return new Page<>(elements, new Paging((long) elements.size(), null));
    }

    /** One page of elements, the total, and the position of the next page or null on the last. */
    public static <T> Page<T> of(List<T> elements, long total, @Nullable String next) {
        return new Page<>(elements, new Paging(total, next));
    }

    /** The page of {@code all} that offset paging asks for, {@code start} and {@code limit}. */
    public static <T> Page<T> slice(List<T> all, int start, int limit) {
        int from = Math.clamp(start, 0, all.size());
        int to = Math.clamp((long) from + Math.max(limit, 0), from, all.size());
        return of(all.subList(from, to), all.size(), to < all.size() ? String.valueOf(to) : null);
    }
}
