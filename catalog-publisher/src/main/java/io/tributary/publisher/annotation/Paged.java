package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says how a list route (get-all or finder) pages, so the gateway can offer Relay connections and paged results.
 * The route declares the two paging query parameters itself; their names default to the style's, so plain
 * {@code @Paged} means {@code ?start=0&limit=100}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paged {

    /** The paging styles, with their default parameter names. */
    enum Style {
        /** {@code start} (an offset) and {@code limit}. */
        OFFSET,
        /** {@code page} (a page number) and {@code pageSize}. */
        PAGE,
        /** {@code cursor} (the {@code paging.next} of the previous page) and {@code limit}. */
        CURSOR
    }

    Style value() default Style.OFFSET;

    /** The query parameter that says where the page starts; the style's default when empty. */
    String position() default "";

    /** The query parameter that says how many elements a page holds; the style's default when empty. */
    String size() default "";
}
