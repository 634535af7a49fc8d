package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.fold.EffectiveCatalog;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Which catalog parameters become arguments: every one a caller fills, none the gateway sends itself. */
class ParameterArgumentsTest {

    @Test
    void shouldGiveFindersAndListsTheirFiltersAsArgumentsButNoConstant() {
        Resource courses = CourseCatalogs.courses(CourseCatalogs.COURSE_V1);
        List<Operation> operations = new java.util.ArrayList<>(courses.operations().stream()
                .filter(op -> op.kind() != OperationKind.MULTI_GET).toList());
        operations.add(Operation.builder(OperationKind.FINDER, "GET", "/courses").name("byInstructorId")
                .parameters(List.of(Parameter.constant("q", "byInstructorId"),
                        Parameter.of("instructorId", Schema.Type.STRING, Location.QUERY, true, ""),
                        Parameter.of("apiVersion", Schema.Type.STRING, Location.HEADER, false, "").withWireName("api-version")))
                .envelope(ResponseEnvelope.NAPTIME).build());
        operations.add(Operation.builder(OperationKind.GET_ALL, "GET", "/courses").pagination(Pagination.OFFSET)
                .parameters(List.of(Parameter.of("level", Schema.Type.STRING, Location.QUERY, false, "")))
                .envelope(ResponseEnvelope.NAPTIME).build());
        ServiceCatalog catalog = new ServiceCatalog("courses", "a", "1.0.0", Instant.EPOCH, "http://127.0.0.1:9001", 30_000,
                List.of(new Resource(courses.name(), courses.version(), courses.description(), courses.model(), courses.keyField(), operations)));

        ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(catalog))));

        assertThat(graph.sdl()).contains("coursesByInstructorId(apiVersion: String, instructorId: ID!)")
                .contains("courses(level: String)")
                .doesNotContain("q:");
    }
}
