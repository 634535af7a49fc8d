package io.tributary.examples.courses;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import java.util.Map;

/** The courses REST API in Naptime style: {@code GET /courses/{id}} and {@code GET /courses?ids=a,b}. */
@Controller("/courses")
@Requires(env = CoursesApp.ENVIRONMENT)
public class CoursesController {
    private final CourseRepository repository;
    private final Variant variant;

    public CoursesController(CourseRepository repository, @Value("${courses.variant:v2}") String variant) {
        this.repository = repository;
        this.variant = Variant.parse(variant);
    }

    @Get("/{id}")
    public HttpResponse<Course> get(@PathVariable String id) {
        return repository.find(id).map(c -> HttpResponse.ok(c.forVariant(variant))).orElseGet(HttpResponse::notFound);
    }

    @Get
    public Map<String, List<Course>> multiGet(@QueryValue List<String> ids) {
        return Map.of("elements", repository.findAll(ids).stream().map(c -> c.forVariant(variant)).toList());
    }
}
