package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Get} route as a named finder, a lookup by something other than the key, such as
 * {@code byInstructorId}; it becomes {@code coursesByInstructorId(instructorId)} in the graph. A finder routes on its
 * own literal path, {@code @Get("/byInstructorId")}, and needs at least one argument besides paging.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Finder {
    /** The finder's name, lower camel case: {@code byInstructorId}, {@code search}. */
    String value();
}
