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
                new Operation(OperationKind.GET, "", "GET", "/courses/{id}",
                        List.of(new Parameter("id", "string", Location.PATH, true, "")), ""),
                new Operation(OperationKind.MULTI_GET, "", "GET", "/courses",
                        List.of(new Parameter("ids", "string", Location.QUERY, true, "")), "")));
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
