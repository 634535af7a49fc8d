package io.tributary.publisher.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Micronaut {@code @Controller} as one resource of the service's catalog, such as {@code courses.v1}; its
 * routes become the resource's operations and its return types the resource's model. Inherited, with the relation
 * annotations, so an abstract generic controller can declare a resource once for the concrete controllers of several
 * deploys; the route types resolve per subclass.
 *
 * <pre>{@code
 * @Controller("/courses")
 * @TributaryResource(name = "courses", description = "Courses learners can enroll in.")
 * public class CoursesController { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TributaryResource {
    /** The resource name, {@code courses}: lower camel case, unique in the graph. */
    String name();

    /** The resource version, the {@code 1} of {@code courses.v1}. */
    int version() default 1;

    /** The model property that identifies an element. */
    String keyField() default "id";

    /** What the resource is, for the graph's documentation. */
    String description() default "";
}
