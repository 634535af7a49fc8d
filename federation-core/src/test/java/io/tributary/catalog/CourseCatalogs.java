package io.tributary.catalog;

import io.tributary.catalog.Parameter.Location;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;

/** Test fixtures: the courses service in its v1 and v2 deploys, as the examples publish it. */
public final class CourseCatalogs {
    private CourseCatalogs() {
    }

    public static final String COURSE_V1 = """
            {"type": "record", "name": "Course", "namespace": "org.example.courses", "doc": "A course a learner can enroll in.",
             "fields": [
               {"name": "id", "type": "string", "doc": "Identifies the course."},
               {"name": "title", "type": "string", "doc": "The title shown in the catalog."},
               {"name": "subtitle", "type": ["null", "string"], "default": null, "doc": "A one-line summary, if any."},
               {"name": "rating", "type": "double", "doc": "Average learner rating, 0 to 5."}
             ]}""";

    public static final String COURSE_V2 = """
            {"type": "record", "name": "Course", "namespace": "org.example.courses", "doc": "A course a learner can enroll in.",
             "fields": [
               {"name": "id", "type": "string", "doc": "Identifies the course."},
               {"name": "title", "type": "string", "doc": "The title shown in the catalog."},
               {"name": "subtitle", "type": ["null", "string"], "default": null, "doc": "A one-line summary, if any."},
               {"name": "rating", "type": "double", "doc": "Average learner rating, 0 to 5."},
               {"name": "durationMinutes", "type": "int", "doc": "How long the course takes, in minutes."}
             ]}""";

    public static Resource courses(String modelSchema) {
        return new Resource("courses", 1, "Courses in the catalog.", new Schema.Parser().parse(modelSchema), "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/courses/{id}")
                        .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "")))
                        .build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/courses")
                        .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, "")))
                        .envelope(ResponseEnvelope.NAPTIME)
                        .build()));
    }

    public static final String COURSE_RICH = """
            {"type": "record", "name": "Course", "namespace": "org.example.courses", "doc": "A course a learner can enroll in.",
             "fields": [
               {"name": "id", "type": "string", "doc": "Identifies the course."},
               {"name": "title", "type": "string", "doc": "The title shown in the catalog."},
               {"name": "instructorIds", "type": {"type": "array", "items": "long"}, "doc": "Who teaches it."},
               {"name": "level", "type": {"type": "enum", "name": "DifficultyLevel", "symbols": ["BEGINNER", "ADVANCED"]}, "doc": "How hard it is."},
               {"name": "launchedAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null, "doc": "When it opened."},
               {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}, "doc": "List price."},
               {"name": "syllabus", "type": {"type": "array", "items": {"type": "record", "name": "CourseModule", "doc": "A part of a course.",
                 "fields": [{"name": "title", "type": "string", "doc": "The module's title."},
                            {"name": "minutes", "type": "int", "doc": "How long it takes."}]}}, "doc": "The modules, in order."},
               {"name": "metadata", "type": {"type": "map", "values": "string"}, "doc": "Free-form labels."}
             ]}""";

    /** Courses with every kind of operation and relation the catalog can say, for contract round trips. */
    public static ServiceCatalog everything(String instanceId) {
        Schema model = new Schema.Parser().parse(COURSE_RICH);
        Parameter id = Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "The course's id.");
        Resource courses = new Resource("courses", 2, "Courses.", model, "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/courses/{id}").parameters(List.of(id)).projection(true).build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/courses").envelope(ResponseEnvelope.NAPTIME)
                        .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, ""))).build(),
                Operation.builder(OperationKind.FINDER, "GET", "/courses/search").name("search")
                        .parameters(List.of(Parameter.of("query", Schema.Type.STRING, Location.QUERY, true, "Words to look for."))).build(),
                Operation.builder(OperationKind.UPDATE, "PUT", "/courses/{id}").parameters(List.of(id,
                        new Parameter("course", model, Location.BODY, true, ""))).build(),
                Operation.builder(OperationKind.DELETE, "DELETE", "/courses/{id}").parameters(List.of(id)).build(),
                Operation.builder(OperationKind.ACTION, "POST", "/courses/{id}/archive").name("archive").parameters(List.of(id,
                        Parameter.of("reason", Schema.Type.STRING, Location.QUERY, false, "Why."))).build(),
                Operation.builder(OperationKind.GET_ALL, "GET", "/courses").pagination(Pagination.OFFSET)
                        .envelope(ResponseEnvelope.NAPTIME).scopes(List.of("courses:read")).build(),
                Operation.builder(OperationKind.FINDER, "GET", "/courses").name("byInstructorId")
                        .parameters(List.of(Parameter.constant("q", "byInstructorId"),
                                Parameter.of("instructorId", Schema.Type.LONG, Location.QUERY, true, "")))
                        .pagination(new Pagination(Pagination.Style.PAGE, "page", "per_page")).build(),
                Operation.builder(OperationKind.CREATE, "POST", "/courses")
                        .parameters(List.of(new Parameter("course", model, Location.BODY, true, ""))).build(),
                Operation.builder(OperationKind.PATCH, "PATCH", "/courses/{id}").name("title").parameters(List.of(id,
                        Parameter.of("title", Schema.Type.STRING, Location.BODY, true, ""))).deprecated("use courseUpdate").build()),
                List.of(new Relation.Forward("instructors", "instructors.v1", "instructorIds", "Who teaches it."),
                        new Relation.Reverse("enrollments", "enrollments.v1", "byCourseId", java.util.Map.of("courseId", "$id"), ""),
                        new Relation.Through("partners", "partners.v1", List.of("instructors", "partner"), "")),
                "");
        return new ServiceCatalog("courses", instanceId, "3.0.0", Instant.parse("2026-11-21T10:00:00Z"),
                "http://127.0.0.1:9001", 30_000, List.of(courses, courses(COURSE_V1)));
    }

    public static ServiceCatalog instance(String instanceId, String version, String modelSchema) {
        return new ServiceCatalog("courses", instanceId, version, Instant.parse("2026-11-21T10:00:00Z"),
                "http://127.0.0.1:9001", 30_000, List.of(courses(modelSchema)));
    }

    public static ServiceCatalog v1(String instanceId) {
        return instance(instanceId, "1.0.0", COURSE_V1);
    }

    public static ServiceCatalog v2(String instanceId) {
        return instance(instanceId, "2.0.0", COURSE_V2);
    }
}
