package io.tributary.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.compose.Routing;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.fold.EffectiveCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaLintTest {
    private final SchemaLint lint = new SchemaLint(LintSettings.DEFAULT);

    @Test
    void shouldFlagRestfulQueryNamesAndVerbFirstMutations() {
        String sdl = """
                "Q" type Query { "x" getCourses: [Course!]! }
                "M" type Mutation { "x" createCourse: Course }
                "C" type Course { "x" id: ID! }
                """;

        assertThat(lint.check(sdl, Routing.EMPTY)).extracting(Diagnostic::code, Diagnostic::where).containsExactly(
                tuple("MUTATION_NAME", "Mutation.createCourse"),
                tuple("RESTFUL_QUERY_NAME", "Query.getCourses"));
    }

    @Test
    void shouldFlagGenericTypeNamesPlaceholderEnumValuesAndMissingDescriptions() {
        String sdl = """
                "Q" type Query { "x" item: Item }
                type Item { "x" state: State }
                "S" enum State { ACTIVE UNKNOWN_OPTION }
                """;

        assertThat(lint.check(sdl, Routing.EMPTY)).extracting(Diagnostic::code, Diagnostic::where).containsExactly(
                tuple("GENERIC_TYPE_NAME", "Item"),
                tuple("MISSING_DESCRIPTION", "Item"),
                tuple("PLACEHOLDER_ENUM_VALUE", "State.UNKNOWN_OPTION"));
    }

    @Test
    void shouldFlagUnpagedListsAndBadlyNamedFindersOfAComposedGraph() {
        ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(CourseCatalogs.everything("a"))),
                EffectiveCatalog.of(List.of(GraphCatalogs.partners()))));

        List<Diagnostic> found = lint.check(graph.sdl(), graph.routing());

        assertThat(found).filteredOn(d -> !d.code().equals("MISSING_DESCRIPTION"))
                .extracting(Diagnostic::code, Diagnostic::where)
                .containsExactly(tuple("UNBOUNDED_LIST", "Query.searchCourses"));
    }

    @Test
    void shouldReportAtTheConfiguredSeverityOrNotAtAll() {
        String sdl = "\"Q\" type Query { \"x\" getCourse: Int }";
        var settings = new LintSettings(Map.of(LintRule.RESTFUL_QUERY_NAME, Severity.ERROR), Set.of(), false);

        assertThat(new SchemaLint(settings).check(sdl, Routing.EMPTY)).extracting(Diagnostic::severity).containsExactly(Severity.ERROR);
        assertThat(new SchemaLint(new LintSettings(Map.of(), Set.of(LintRule.RESTFUL_QUERY_NAME), false)).check(sdl, Routing.EMPTY)).isEmpty();
    }
}
