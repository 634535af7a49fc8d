package io.tributary.publisher.micronaut.catalog;

import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.inject.ExecutableMethod;
import java.lang.annotation.Annotation;
import java.util.Locale;
import java.util.Optional;

/**
 * One route of a resource controller as the catalog sees it: the Java method, its HTTP method, and its path both in
 * full ({@code /courses/{id}}) and relative to the resource's collection ({@code /{id}}; empty for the collection
 * itself), which is the controller's path or, when the routes name it, a path below it ({@link RoutePaths#collection}).
 */
record Route(String controller, ExecutableMethod<?, ?> method, String httpMethod, String path, String relative) {

    static boolean isRoute(ExecutableMethod<?, ?> method) {
        return method.hasStereotype(HttpMethodMapping.class);
    }

    static Route of(String controller, String base, ExecutableMethod<?, ?> method) {
        String where = controller + "." + method.getMethodName();
        String relative = RoutePaths.normalize(method.stringValue(HttpMethodMapping.class).orElse("/"), where);
        return new Route(controller, method, httpMethod(method), RoutePaths.join(base, relative), relative);
    }

    /** The same route with its relative path taken below {@code collection}, a path it starts with. */
    Route below(String collection) {
        return new Route(controller, method, httpMethod, path, relative.substring(collection.length()));
    }

    /** {@code CoursesController.byInstructorId}: how messages name the route. */
    String where() {
        return controller + "." + method.getMethodName();
    }

    /** The controller's own path, {@code /courses}. */
    boolean onBase() {
        return relative.isEmpty();
    }

    /** One variable segment below the controller's path, {@code /courses/{id}}. */
    boolean onKey() {
        return relative.matches("/\\{[A-Za-z_][A-Za-z0-9_]*}");
    }

    boolean isConditional() {
        return method.hasAnnotation(RouteCondition.class);
    }

    /** Whether the method itself (not its controller) carries the annotation. */
    boolean declares(Class<? extends Annotation> annotation) {
        return method.getAnnotationMetadata().hasDeclaredAnnotation(annotation);
    }

    /** The value of an annotation the method itself carries. */
    Optional<String> declared(Class<? extends Annotation> annotation) {
        return declares(annotation) ? method.stringValue(annotation) : Optional.empty();
    }

    private static String httpMethod(ExecutableMethod<?, ?> method) {
        String annotation = method.getAnnotationNameByStereotype(HttpMethodMapping.class).orElseThrow();
        String simpleName = annotation.substring(annotation.lastIndexOf('.') + 1);
        return simpleName.toUpperCase(Locale.ROOT);
    }
}
