package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route as a named action, a change that is not create, update or delete, such as {@code enroll}; it becomes a
 * mutation named noun first in the graph ({@code courseEnroll} on courses). An action routes on its own literal path,
 * {@code @Post("/enroll")} or {@code @Post("/{id}/enroll")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
    /** The action's name, lower camel case: {@code enroll}. */
    String value();
}
