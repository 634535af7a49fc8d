package io.tributary.examples.courses;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RouteCondition;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.ForwardRelation;
import io.tributary.publisher.annotation.IdsParameter;
import io.tributary.publisher.annotation.Page;
import io.tributary.publisher.annotation.Paged;
import io.tributary.publisher.annotation.PartialUpdate;
import io.tributary.publisher.annotation.ReverseRelation;
import io.tributary.publisher.annotation.Scopes;
import io.tributary.publisher.annotation.TributaryResource;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * The courses REST API in Naptime style, written once for both deploys: each deploy's controller
 * ({@link io.tributary.examples.courses.v1.CoursesV1Controller}, {@link io.tributary.examples.courses.v2.CoursesV2Controller})
 * fixes the model {@code C} it returns, and the published catalog follows from these annotations and that model.
 */
@TributaryResource(name = "courses", description = "Courses learners can enroll in.")
@ForwardRelation(field = "instructors", target = "instructors.v1", sourceField = "instructorIds",
        description = "The instructors who teach the course.")
@ReverseRelation(field = "enrollments", target = "enrollments.v1", finder = "byCourseId", arguments = "courseId=$id",
        description = "The learners' enrollments in the course.")
public abstract class CoursesController<C> {
    private final CourseRepository repository;

    protected CoursesController(CourseRepository repository) {
        this.repository = repository;
    }

    /** The deploy's view of a stored course. */
    protected abstract C present(StoredCourse course);

    /** The stored course a request body describes; fields the deploy does not know keep their value in {@code current}. */
    protected abstract StoredCourse store(C course, @Nullable StoredCourse current);

    @Get("/{id}")
    @Description("The course with this id.")
    public HttpResponse<C> get(@PathVariable @Description("The course's id.") String id) {
        return repository.find(id).map(c -> HttpResponse.ok(present(c))).orElseGet(HttpResponse::notFound);
    }

    @Get
    @RouteCondition(IdsParameter.PRESENT)
    @Description("The courses with these ids, in the order asked; unknown ids are left out.")
    public Page<C> multiGet(@QueryValue @Description("Course ids, comma-separated.") List<String> ids) {
        return Page.of(repository.findAll(ids).stream().map(this::present).toList());
    }

    @Get
    @RouteCondition(IdsParameter.ABSENT)
    @Paged
    @Description("Every course, a page at a time.")
    public Page<C> all(@QueryValue(defaultValue = "0") int start, @QueryValue(defaultValue = "20") int limit) {
        return Page.slice(repository.all().stream().map(this::present).toList(), start, limit);
    }

    @Get("/byInstructorId")
    @Finder("byInstructorId")
    @Paged
    @Description("The courses an instructor teaches.")
    public Page<C> byInstructorId(@QueryValue @Description("An id of instructors.v1.") String instructorId,
            @QueryValue(defaultValue = "0") int start, @QueryValue(defaultValue = "20") int limit) {
        return Page.slice(repository.byInstructorId(instructorId).stream().map(this::present).toList(), start, limit);
    }

    @Get("/search")
    @Finder("search")
    @Paged
    @Description("The courses whose title contains every word of the query, ignoring case.")
    public Page<C> search(@QueryValue @Description("Words to look for in titles.") String query,
            @QueryValue(defaultValue = "0") int start, @QueryValue(defaultValue = "20") int limit) {
        return Page.slice(repository.search(query).stream().map(this::present).toList(), start, limit);
    }

    @Post
    @Scopes("courses:write")
    @Description("Adds a course under the id it carries, unless a course has that id already.")
    public HttpResponse<C> create(@Body @Description("The course to add.") C course) {
        StoredCourse stored = store(course, null);
        return repository.create(stored) ? HttpResponse.created(present(stored)) : HttpResponse.status(HttpStatus.CONFLICT);
    }

    @Put("/{id}")
    @Scopes("courses:write")
    @Description("Replaces the course with this id.")
    public HttpResponse<C> update(@PathVariable @Description("The course's id.") String id,
            @Body @Description("The course as it should be.") C course) {
        return repository.find(id)
                .flatMap(current -> repository.replace(id, store(course, current)))
                .map(c -> HttpResponse.ok(present(c)))
                .orElseGet(HttpResponse::notFound);
    }

    @Patch("/{id}")
    @PartialUpdate("title")
    @Scopes("courses:write")
    @Description("Changes the title of the course with this id.")
    public HttpResponse<C> updateTitle(@PathVariable @Description("The course's id.") String id,
            @Body("title") @Description("The new title.") String title) {
        return repository.updateTitle(id, title).map(c -> HttpResponse.ok(present(c))).orElseGet(HttpResponse::notFound);
    }

    @Delete("/{id}")
    @Scopes("courses:write")
    @Description("Removes the course with this id.")
    public HttpResponse<Void> delete(@PathVariable @Description("The course's id.") String id) {
        return repository.delete(id) ? HttpResponse.noContent() : HttpResponse.notFound();
    }
}
