package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says why a {@code @Deprecated} resource (on the controller) or operation (on a route) is deprecated and what to use
 * instead; it becomes the {@code @deprecated(reason:)} of the graph. Without it a deprecation reads
 * "No longer supported".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DeprecationReason {
    String value();
}
