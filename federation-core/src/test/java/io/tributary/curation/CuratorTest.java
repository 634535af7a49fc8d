package io.tributary.curation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.Relation;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.GraphComposer;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CuratorTest {

    private static ComposedGraph curate(List<CurationRule> rules) {
        Curator curator = new Curator(rules);
        Set<String> matched = new HashSet<>();
        List<EffectiveCatalog> catalogs = curator.withAddedRelations(List.of(
                EffectiveCatalog.of(List.of(CourseCatalogs.v2("a"))), EffectiveCatalog.of(List.of(GraphCatalogs.partners()))), matched);
        return curator.apply(new GraphComposer().compose(catalogs), matched);
    }

    @Test
    void shouldRenameATypeEverywhereAndKeepItsRoutes() {
        ComposedGraph graph = curate(List.of(new CurationRule.RenameType("r1", "Course", "CatalogCourse")));

        assertThat(graph.sdl()).contains("type CatalogCourse {", "course(", "): CatalogCourse\n").doesNotContain("type Course {");
        assertThat(graph.diagnostics()).isEmpty();
    }

    @Test
    void shouldRenameAFieldAndRememberItsProperty() {
        ComposedGraph graph = curate(List.of(new CurationRule.RenameField("r1", "Course.title", "name")));

        assertThat(graph.sdl()).contains("  name: String!").doesNotContain("  title: String!");
        assertThat(graph.routing().properties()).isEqualTo(Map.of("Course.name", "title"));
    }

    @Test
    void shouldHideAnOperationWithItsRoute() {
        ComposedGraph graph = curate(List.of(new CurationRule.Hide("r1", "Query.courses")));

        assertThat(graph.sdl()).doesNotContain("courses(");
        assertThat(graph.routing().fields()).extracting(FieldRoute::coordinate).doesNotContain("Query.courses");
    }

    @Test
    void shouldDescribeAndDeprecate() {
        ComposedGraph graph = curate(List.of(new CurationRule.Describe("r1", "Course", "A course in the catalog."),
                new CurationRule.Deprecate("r2", "Course.rating", "Use reviews instead.")));

        assertThat(graph.sdl()).contains("\"A course in the catalog.\"\ntype Course {",
                "rating: Float! @deprecated(reason : \"Use reviews instead.\")");
    }

    @Test
    void shouldAddARelationTheServiceDoesNotDeclare() {
        ComposedGraph graph = curate(List.of(new CurationRule.AddRelation("r1", "courses.v1",
                new Relation.Forward("partner", "partners.v1", "id", "Who offers it."))));

        assertThat(graph.sdl()).contains("partner: Partner");
        assertThat(graph.routing().fields()).extracting(FieldRoute::coordinate).contains("Course.partner");
    }

    @Test
    void shouldHideAThroughRelationTogetherWithARelationItWalks() {
        Curator curator = new Curator(List.of(new CurationRule.Hide("r1", "Course.instructors")));
        Set<String> matched = new HashSet<>();
        List<EffectiveCatalog> catalogs = curator.withAddedRelations(List.of(CourseCatalogs.everything("a"), GraphCatalogs.instructors(),
                GraphCatalogs.enrollments(), GraphCatalogs.partners()).stream().map(c -> EffectiveCatalog.of(List.of(c))).toList(), matched);

        ComposedGraph graph = curator.apply(new GraphComposer().compose(catalogs), matched);

        var course = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse(graph.sdl())).getObjectType("Course");
        assertThat(course.getFieldDefinition("instructors")).isNull();
        assertThat(course.getFieldDefinition("partners")).isNull();
        assertThat(course.getFieldDefinition("enrollments")).isNotNull();
        assertThat(graph.routing().fields()).extracting(FieldRoute::coordinate).doesNotContain("Course.instructors", "Course.partners");
    }

    @Test
    void shouldWarnAboutARuleThatMatchesNothing() {
        ComposedGraph graph = curate(List.of(new CurationRule.Hide("stale", "Course.syllabus")));

        assertThat(graph.diagnostics()).extracting(Diagnostic::code, Diagnostic::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CURATION_UNMATCHED", "stale"));
    }

    @Test
    void shouldRememberNoPropertyForARenameThatMatchesNothing() {
        ComposedGraph graph = curate(List.of(new CurationRule.RenameField("stale", "Nowhere.title", "name")));

        assertThat(graph.routing().properties()).isEmpty();
    }

    @Test
    void shouldRefuseRulesThatWouldBreakTheSchemaAndServeItUncurated() {
        ComposedGraph plain = curate(List.of());
        ComposedGraph graph = curate(List.of(new CurationRule.RenameType("r1", "Course", "Partner")));

        assertThat(graph.sdl()).isEqualTo(plain.sdl());
        assertThat(graph.diagnostics()).extracting(Diagnostic::code).containsExactly("CURATION_INVALID");
    }
}
