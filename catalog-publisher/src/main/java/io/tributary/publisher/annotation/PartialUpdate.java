package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Patch("/{id}")} route as the partial update of one model field, such as {@code title}; it becomes
 * the mutation {@code courseUpdateTitle} in the graph.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PartialUpdate {
    /** The model field the route changes. */
    String value();
}
