package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a field to the resource's type holding the elements of another resource whose ids sit in a model field:
 * {@code @ForwardRelation(field = "instructors", target = "instructors.v1", sourceField = "instructorIds")} gives
 * {@code Course.instructors}, fetched by the target's GET or MULTI_GET.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ForwardRelation.List.class)
public @interface ForwardRelation {
    /** The field the relation adds. */
    String field();

    /** The target resource and version, {@code instructors.v1}. */
    String target();

    /** The model field with the target's ids, one or many. */
    String sourceField();

    String description() default "";

    /** Holds several forward relations of one resource. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ForwardRelation[] value();
    }
}
