package io.tributary.catalog;

import io.tributary.catalog.Parameter.Location;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Test fixtures: the services around courses (instructors, enrollments, partners), so relations have targets. */
public final class GraphCatalogs {
    private GraphCatalogs() {
    }

    private static final Parameter ID = Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "");
    private static final Parameter IDS = Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, "");

    public static ServiceCatalog instructors() {
        Schema model = parse("""
                {"type": "record", "name": "Instructor", "doc": "Someone who teaches courses.", "fields": [
                  {"name": "id", "type": "long", "doc": "Identifies the instructor."},
                  {"name": "name", "type": "string", "doc": "Full name."},
                  {"name": "partnerId", "type": "string", "doc": "The partner organisation."},
                  {"name": "joinedOn", "type": {"type": "int", "logicalType": "date"}, "doc": "When they started teaching."}
                ]}""");
        return catalog("instructors", new Resource("instructors", 1, "Instructors.", model, "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/instructors/{id}").parameters(List.of(ID)).build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/instructors").parameters(List.of(IDS))
                        .envelope(ResponseEnvelope.NAPTIME).build()),
                List.of(new Relation.Forward("partner", "partners.v1", "partnerId", "Where they teach."),
                        new Relation.Reverse("courses", "courses.v2", "byInstructorId", Map.of("instructorId", "$id"), "What they teach."),
                        new Relation.Forward("mentor", "mentors.v1", "partnerId", "Dangling: no such service.")),
                ""));
    }

    public static ServiceCatalog enrollments() {
        Schema model = parse("""
                {"type": "record", "name": "CourseEnrollment", "doc": "A learner in a course.", "fields": [
                  {"name": "id", "type": "string", "doc": "Identifies the enrollment."},
                  {"name": "courseId", "type": "string", "doc": "The course."},
                  {"name": "status", "type": {"type": "enum", "name": "EnrollmentStatus", "symbols": ["ACTIVE", "COMPLETED"]}, "doc": "Where the learner is."},
                  {"name": "learnerId", "type": {"type": "string", "logicalType": "uuid"}, "doc": "The learner."}
                ]}""");
        return catalog("enrollments", new Resource("enrollments", 1, "Enrollments.", model, "id", List.of(
                Operation.builder(OperationKind.FINDER, "GET", "/enrollments/byCourseId").name("byCourseId")
                        .parameters(List.of(Parameter.of("courseId", Schema.Type.STRING, Location.QUERY, true, "The course."),
                                Parameter.of("start", Schema.Type.INT, Location.QUERY, false, ""),
                                Parameter.of("limit", Schema.Type.INT, Location.QUERY, false, "")))
                        .pagination(Pagination.OFFSET).envelope(ResponseEnvelope.NAPTIME).build(),
                Operation.builder(OperationKind.ACTION, "POST", "/enrollments/enroll").name("enroll")
                        .parameters(List.of(Parameter.of("courseId", Schema.Type.STRING, Location.QUERY, true, ""))).build()),
                List.of(new Relation.Forward("course", "courses.v2", "courseId", "The course enrolled in.")), ""));
    }

    public static ServiceCatalog partners() {
        Schema model = parse("""
                {"type": "record", "name": "Partner", "doc": "An organisation that offers courses.", "fields": [
                  {"name": "id", "type": "string", "doc": "Identifies the partner."},
                  {"name": "name", "type": "string", "doc": "Its name."},
                  {"name": "address", "type": {"type": "record", "name": "PartnerAddress", "doc": "A postal address.", "fields": [
                    {"name": "city", "type": "string", "doc": "City."}, {"name": "country", "type": "string", "doc": "Country."}]}, "doc": "Where it is."}
                ]}""");
        return catalog("partners", new Resource("partners", 1, "Partners.", model, "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/partners/{id}").parameters(List.of(ID)).build(),
                Operation.builder(OperationKind.GET_ALL, "GET", "/partners").pagination(Pagination.CURSOR)
                        .envelope(new ResponseEnvelope("/data", "/meta/total", "/meta/next")).build())));
    }

    /**
     * A service with no resource at all, only operations that fit none: a read with a path variable and a query
     * parameter, a login taking a JSON body, an inventory answering a map, and a cache purge answering no content.
     */
    public static ServiceCatalog store() {
        Schema report = parse("""
                {"type": "record", "name": "SalesReport", "doc": "Sales of one year.", "fields": [
                  {"name": "year", "type": "int", "doc": "The year."},
                  {"name": "total", "type": "double", "doc": "Sales in euros."},
                  {"name": "regions", "type": {"type": "array", "items": "string"}, "doc": "Where it sold."}
                ]}""");
        Schema credentials = parse("""
                {"type": "record", "name": "Credentials", "doc": "Who logs in.", "fields": [
                  {"name": "username", "type": "string", "doc": "The user."}, {"name": "password", "type": "string", "doc": "Their secret."}]}""");
        return new ServiceCatalog("store", "i-1", "1.0.0", Instant.parse("2026-11-21T10:00:00Z"), "http://127.0.0.1:9005", 30_000,
                List.of(), List.of(
                new OperationField(Operation.builder(OperationKind.CALL, "GET", "/reports/{year}").name("salesReport")
                        .parameters(List.of(Parameter.of("year", Schema.Type.INT, Location.PATH, true, "The year."),
                                Parameter.of("region", Schema.Type.STRING, Location.QUERY, false, "Only this region.")))
                        .description("The sales of one year.").build(), report),
                new OperationField(Operation.builder(OperationKind.CALL, "POST", "/user/login").name("userLogin")
                        .parameters(List.of(new Parameter("input", credentials, Location.BODY, true, "Who logs in.")))
                        .build(), Schema.create(Schema.Type.STRING)),
                new OperationField(Operation.builder(OperationKind.CALL, "GET", "/store/inventory").name("storeInventory")
                        .build(), Schema.createMap(Schema.create(Schema.Type.INT))),
                new OperationField(Operation.builder(OperationKind.CALL, "DELETE", "/cache").name("cachePurge")
                        .scopes(List.of("admin")).build(), Schema.create(Schema.Type.NULL))));
    }

    /**
     * A service whose repositories link to an operation that reads no resource by one key, as Bitbucket's link example
     * does: {@code parent} calls the Query operation field {@code getRepository(username, slug)} with values of the
     * repository; {@code mergeParent} names a POST, and {@code fork} an operation field no service offers.
     */
    public static ServiceCatalog repositories() {
        Schema model = parse("""
                {"type": "record", "name": "Repository", "doc": "A code repository.", "fields": [
                  {"name": "slug", "type": "string", "doc": "Identifies the repository within its owner."},
                  {"name": "owner", "type": {"type": "record", "name": "RepositoryOwner", "fields": [
                    {"name": "username", "type": "string"}]}, "doc": "Who owns it."},
                  {"name": "parentSlug", "type": ["null", "string"], "default": null, "doc": "The repository it was forked from."}
                ]}""");
        Parameter username = Parameter.of("username", Schema.Type.STRING, Location.PATH, true, "");
        Parameter slug = Parameter.of("slug", Schema.Type.STRING, Location.PATH, true, "");
        Resource repositories = new Resource("repositories", 1, "Repositories.", model, "slug", List.of(
                Operation.builder(OperationKind.FINDER, "GET", "/repositories/{username}").name("byOwner")
                        .parameters(List.of(username)).projection(true).build()),
                List.of(new Relation.Call("parent", "getRepository", Map.of("username", "$owner.username", "slug", "$parentSlug"),
                                "The repository it was forked from."),
                        new Relation.Call("mergeParent", "mergeRepository", Map.of("username", "$owner.username", "slug", "$slug"), ""),
                        new Relation.Call("fork", "getFork", Map.of("slug", "$slug"), "")),
                "");
        return new ServiceCatalog("repositories", "i-1", "1.0.0", Instant.parse("2026-11-21T10:00:00Z"), "http://127.0.0.1:9002", 30_000,
                List.of(repositories), List.of(
                new OperationField(Operation.builder(OperationKind.CALL, "GET", "/repositories/{username}/{slug}").name("getRepository")
                        .parameters(List.of(username, slug)).build(), model),
                new OperationField(Operation.builder(OperationKind.CALL, "POST", "/repositories/{username}/{slug}/merge")
                        .name("mergeRepository").parameters(List.of(username, slug)).build(), Schema.create(Schema.Type.NULL))));
    }

    private static ServiceCatalog catalog(String service, Resource resource) {
        return new ServiceCatalog(service, "i-1", "1.0.0", Instant.parse("2026-11-21T10:00:00Z"),
                "http://127.0.0.1:9002", 30_000, List.of(resource));
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
