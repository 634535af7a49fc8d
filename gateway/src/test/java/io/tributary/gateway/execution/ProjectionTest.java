package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.curation.CurationRule;
import io.tributary.gateway.rest.client.RestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fields=} on operations that support projection (the golden courses GET): the selected properties, under
 * their original names when curation renamed a field, plus the key and what the selected relations start from.
 */
class ProjectionTest {
    private final FixtureServices services = new FixtureServices();
    private Graphs graphs = new Graphs(services.catalogs(), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        services.close();
    }

    @Test
    void shouldAskForTheSelectedFieldsAndWhatTheSelectedRelationsStartFrom() {
        ExecutionResult result = graphs.execute("{ course(id: \"c-4\") { title instructors { id } enrollments { id } partners { id } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.uris()).containsExactly("/courses/c-4?fields=id,instructorIds,title");
    }

    @Test
    void shouldReadTheSelectionThroughFragmentsAndIgnoreTypename() {
        ExecutionResult result = graphs.execute("""
                { course(id: "c-4") { __typename ...Basics ... on Course { level } } }
                fragment Basics on Course { title }""");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData().get("course")).isEqualTo(Map.of("__typename", "Course", "title", "Machine Learning 4",
                "level", "ADVANCED"));
        assertThat(services.courses.uris()).containsExactly("/courses/c-4?fields=id,level,title");
    }

    @Test
    void shouldReadARenamedFieldFromItsOriginalProperty() {
        graphs.close();
        graphs = new Graphs(services.catalogs(), List.of(new CurationRule.RenameField("r1", "Course.title", "name"),
                new CurationRule.RenameField("r2", "Course.instructors", "teachers")), RestSettings.defaults());

        ExecutionResult result = graphs.execute("{ course(id: \"c-4\") { name teachers { id } } coursesV1(ids: [\"c-4\"]) { title } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of(
                "course", Map.of("name", "Machine Learning 4", "teachers", List.of(Map.of("id", "5"), Map.of("id", "10"))),
                "coursesV1", List.of(Map.of("title", "Machine Learning 4"))));
        assertThat(services.courses.uris()).contains("/courses/c-4?fields=id,instructorIds,title");
    }
}
