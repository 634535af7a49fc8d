package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a field that follows a path of other relations in one hop: {@code @ThroughRelation(field = "partner",
 * target = "partners.v1", path = {"instructors", "partner"})}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ThroughRelation.List.class)
public @interface ThroughRelation {
    /** The field the relation adds. */
    String field();

    /** The resource at the end of the path, {@code partners.v1}. */
    String target();

    /** The relation fields to follow, at least two, starting from this resource. */
    String[] path();

    String description() default "";

    /** Holds several through relations of one resource. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ThroughRelation[] value();
    }
}
