package io.tributary.examples.instructors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Page;
import io.tributary.publisher.annotation.ReverseRelation;
import io.tributary.publisher.annotation.TributaryResource;
import java.util.List;

/** The instructors REST API: {@code GET /instructors/{id}} and {@code GET /instructors?ids=a,b}, read only. */
@Controller("/instructors")
@Requires(env = InstructorsApp.ENVIRONMENT)
@TributaryResource(name = "instructors", description = "People who teach courses.")
@ReverseRelation(field = "courses", target = "courses.v1", finder = "byInstructorId", arguments = "instructorId=$id",
        description = "The courses the instructor teaches.")
public class InstructorsController {
    private final InstructorRepository repository;

    public InstructorsController(InstructorRepository repository) {
        this.repository = repository;
    }

    @Get("/{id}")
    @Description("The instructor with this id.")
    public HttpResponse<Instructor> get(@PathVariable @Description("The instructor's id.") String id) {
        return repository.find(id).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Get
    @Description("The instructors with these ids, in the order asked; unknown ids are left out.")
    public Page<Instructor> multiGet(@QueryValue @Description("Instructor ids, comma-separated.") List<String> ids) {
        return Page.of(repository.findAll(ids));
    }
}
