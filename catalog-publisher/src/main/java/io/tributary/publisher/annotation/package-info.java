/**
 * What a Micronaut service writes to publish its REST resources to Tributary: annotations on its controllers and
 * models; the rest of the catalog is derived from Micronaut's compile-time metadata when the application starts.
 *
 * <pre>{@code
 * @Controller("/courses")
 * @TributaryResource(name = "courses", description = "Courses learners can enroll in.")
 * @ForwardRelation(field = "instructors", target = "instructors.v1", sourceField = "instructorIds")
 * @ReverseRelation(field = "enrollments", target = "enrollments.v1", finder = "byCourseId", arguments = "courseId=$id")
 * public class CoursesController {
 *     @Get("/{id}")                                              HttpResponse<Course> get(@PathVariable String id)
 *     @Get @RouteCondition(IdsParameter.PRESENT)                 Page<Course> multiGet(@QueryValue List<String> ids)
 *     @Get @RouteCondition(IdsParameter.ABSENT) @Paged           Page<Course> all(int start, int limit)
 *     @Get("/byInstructorId") @Finder("byInstructorId") @Paged   Page<Course> byInstructorId(String instructorId, int start, int limit)
 *     @Post                                                      HttpResponse<Course> create(@Body Course course)
 *     @Put("/{id}")                                              Course update(@PathVariable String id, @Body Course course)
 *     @Patch("/{id}") @PartialUpdate("title")                    Course updateTitle(@PathVariable String id, @Body("title") String title)
 *     @Delete("/{id}")                                           HttpResponse<Void> delete(@PathVariable String id)
 * }
 * }</pre>
 *
 * <h2>Operations, by convention</h2>
 * Every route of a {@link io.tributary.publisher.annotation.TributaryResource} controller is an operation; its path
 * is the controller's path followed by the route's.
 * <ul>
 *   <li>{@code GET {base}/{id}}: GET. {@code GET {base}} with an {@code ids} list: MULTI_GET. Any other
 *       {@code GET {base}}: GET_ALL. {@code POST {base}}: CREATE. {@code PUT {base}/{id}}: UPDATE.
 *       {@code DELETE {base}/{id}}: DELETE.</li>
 *   <li>{@link io.tributary.publisher.annotation.Finder} on a GET: FINDER, with at least one argument besides paging.
 *       Naptime routes finders by a query value ({@code GET /courses?q=byInstructorId}); a Micronaut finder routes on
 *       its own literal path instead ({@code GET /courses/byInstructorId?instructorId=7}) and the catalog carries that
 *       path, which the gateway calls as it is. Literal segments win over {@code {id}} in Micronaut's router.</li>
 *   <li>{@link io.tributary.publisher.annotation.PartialUpdate} on a PATCH: PATCH of one field.
 *       {@link io.tributary.publisher.annotation.Action} on any route: ACTION, on its own literal path.</li>
 *   <li>A MULTI_GET and a GET_ALL share {@code GET {base}}; each says when it applies with
 *       {@code @RouteCondition(IdsParameter.PRESENT)} or {@code @RouteCondition(IdsParameter.ABSENT)}.</li>
 *   <li>Any other route is a mistake: serve it from a controller without {@code @TributaryResource}.</li>
 * </ul>
 *
 * <h2>Parameters, answers and models</h2>
 * {@code @PathVariable}, {@code @QueryValue} and {@code @Body} say where an argument travels; an unannotated
 * argument is a path variable when the path names it, else a query value on GET and DELETE. {@code @Nullable},
 * {@code Optional} or a default value make it optional. The body is either one record ({@code @Body Course course})
 * or named properties ({@code @Body("title") String title}), never both. The paging parameters of a
 * {@link io.tributary.publisher.annotation.Paged} route are described by its pagination, not listed as parameters.
 * A route returning {@link io.tributary.publisher.annotation.Page} answers in Naptime's envelope, one returning a
 * {@code List} a bare array; {@code HttpResponse}, {@code Optional} and {@code CompletionStage} are looked through.
 * The model is the element type of the GET (else the MULTI_GET, GET_ALL or first finder), an introspected record
 * ({@code @Serdeable}); every read, create, update and patch returns it. Its Avro schema, and the schema of every
 * parameter, follows the Java types: String, int, long, double, float, boolean, enums, List/Set/arrays,
 * {@code Map<String, V>}, nested records, {@code LocalDate} (date), {@code Instant} (timestamp-millis), {@code UUID}
 * (uuid) and {@code BigDecimal} ({@code decimal(38, 9)}); a {@code @Nullable} or {@code Optional} property is
 * {@code ["null", T]} with default null; {@link io.tributary.publisher.annotation.Description} gives the docs.
 *
 * <p>A mistake stops the application context from starting with a
 * {@link io.tributary.publisher.micronaut.catalog.CatalogDeclarationException} naming the controller and method.
 */
package io.tributary.publisher.annotation;
