package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.compose.CompositionSettings.PaginationMode;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of the translation table at once: four services, two versions, all operation and relation kinds. */
class FullGraphCompositionTest {

    private static List<EffectiveCatalog> graph() {
        return List.of(CourseCatalogs.everything("a"), GraphCatalogs.instructors(), GraphCatalogs.enrollments(), GraphCatalogs.partners())
                .stream().map(c -> EffectiveCatalog.of(List.of(c))).toList();
    }

    @Test
    void shouldComposeTheWholeTranslationTableIntoTheGoldenSchema() throws IOException {
        ComposedGraph graph = new GraphComposer().compose(graph());

        assertThat(graph.sdl()).isEqualTo(golden("full-graph.graphqls"));
        assertThat(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(graph.sdl()))).isNotNull();
    }

    @Test
    void shouldLeaveOutADanglingRelationWithAWarning() {
        ComposedGraph graph = new GraphComposer().compose(graph());

        assertThat(graph.diagnostics()).extracting(Diagnostic::code, Diagnostic::where)
                .containsExactly(tuple("DANGLING_RELATION", "instructors:Instructor.mentor"));
        assertThat(graph.sdl()).doesNotContain("mentor");
    }

    @Test
    void shouldRouteRelationsThroughTheTargetsOperations() {
        Routing routing = new GraphComposer().compose(graph()).routing();

        assertThat(routing.fields()).filteredOn(r -> !r.parentType().equals("Query") && !r.parentType().equals("Mutation"))
                .extracting(FieldRoute::coordinate, FieldRoute::shape, r -> r.operation().kind().name(), r -> r.link().getClass().getSimpleName())
                .containsExactly(
                        tuple("Course.enrollments", FieldRoute.Shape.LIST, "FINDER", "Reverse"),
                        tuple("Course.instructors", FieldRoute.Shape.LIST, "MULTI_GET", "Forward"),
                        tuple("Course.partners", FieldRoute.Shape.LIST, "GET", "Through"),
                        tuple("CourseEnrollment.course", FieldRoute.Shape.SINGLE, "MULTI_GET", "Forward"),
                        tuple("Instructor.courses", FieldRoute.Shape.LIST, "FINDER", "Reverse"),
                        tuple("Instructor.partner", FieldRoute.Shape.SINGLE, "GET", "Forward"));
    }

    @Test
    void shouldOfferOnlyConnectionsInRelayModeAndOnlyPagesInOffsetMode() {
        String relay = new GraphComposer(new CompositionSettings(PaginationMode.RELAY)).compose(graph()).sdl();
        String offset = new GraphComposer(new CompositionSettings(PaginationMode.OFFSET)).compose(graph()).sdl();

        assertThat(relay).contains("enrollmentsByCourseIdConnection(").doesNotContain("Paged");
        assertThat(offset).contains("enrollmentsByCourseIdPaged(").doesNotContain("Connection");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = FullGraphCompositionTest.class.getResourceAsStream("/golden/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
