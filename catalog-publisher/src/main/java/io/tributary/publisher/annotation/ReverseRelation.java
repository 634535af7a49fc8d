package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a field to the resource's type answered by a finder of another resource, called with arguments taken from
 * the element: {@code @ReverseRelation(field = "enrollments", target = "enrollments.v1", finder = "byCourseId",
 * arguments = "courseId=$id")} gives {@code Course.enrollments}. Coursera's {@code ReverseRelation}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ReverseRelation.List.class)
public @interface ReverseRelation {
    /** The field the relation adds. */
    String field();

    /** The target resource and version, {@code enrollments.v1}. */
    String target();

    /** The target's finder, {@code byCourseId}. */
    String finder();

    /**
     * The finder's arguments as {@code name=value}; a value {@code $field} is that model field of the element,
     * anything else is passed as written.
     */
    String[] arguments() default {};

    String description() default "";

    /** Holds several reverse relations of one resource. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ReverseRelation[] value();
    }
}
