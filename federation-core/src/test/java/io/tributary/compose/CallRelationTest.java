package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Relation;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A relation that calls a Query operation field once per element, with arguments from the element. */
class CallRelationTest {
    private final List<EffectiveCatalog> catalogs = List.of(EffectiveCatalog.of(List.of(GraphCatalogs.repositories())));

    @Test
    void shouldAddAFieldAnsweringTheOperationFieldsTypeRoutedToItsCallWithArgumentsFromTheParent() {
        ComposedGraph graph = new GraphComposer().compose(catalogs);

        assertThat(graph.sdl()).contains("type Repository {").contains("  \"The repository it was forked from.\"\n  parent: Repository\n");
        assertThat(graph.schema().getObjectType("Repository").getFieldDefinition("parent")).isNotNull();
        FieldRoute route = graph.routing().fields().stream().filter(r -> r.coordinate().equals("Repository.parent")).findFirst().orElseThrow();
        assertThat(route.service()).isEqualTo("repositories");
        assertThat(route.operation().name()).isEqualTo("getRepository");
        assertThat(route.link()).isEqualTo(new FieldRoute.Link.Call(Map.of("username", "$owner.username", "slug", "$parentSlug")));
    }

    @Test
    void shouldLeaveOutACallOfAMutationOrOfAnOperationFieldNotInTheGraphWithAWarning() {
        ComposedGraph graph = new GraphComposer().compose(catalogs);

        assertThat(graph.diagnostics()).extracting(Diagnostic::code, Diagnostic::where).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("DANGLING_RELATION", "repositories:Repository.fork"),
                org.assertj.core.groups.Tuple.tuple("DANGLING_RELATION", "repositories:Repository.mergeParent"));
        assertThat(graph.diagnostics()).allSatisfy(d -> assertThat(d.message()).contains("is not a Query operation field in the graph"));
        assertThat(graph.schema().getObjectType("Repository").getFieldDefinition("mergeParent")).isNull();
        assertThat(graph.routing().fields()).noneMatch(r -> r.field().equals("fork") || r.field().equals("mergeParent"));
    }

    @Test
    void shouldComposeCallRelationsIncrementallyAsTheWholeGraphComposition() {
        ComposedGraph whole = new GraphComposer().compose(catalogs);
        PrintedGraph pieces = new IncrementalComposer(CompositionSettings.DEFAULT).compose(catalogs).orElseThrow();

        assertThat(pieces.sdl()).isEqualTo(whole.sdl());
        assertThat(pieces.routing()).isEqualTo(whole.routing());
        assertThat(pieces.diagnostics()).isEqualTo(whole.diagnostics());
    }

    @Test
    void shouldLeaveOutACallWhoseArgumentsLeaveARequiredParameterUnfilled() {
        io.tributary.catalog.ServiceCatalog base = GraphCatalogs.repositories();
        io.tributary.catalog.Resource r = base.resources().getFirst();
        io.tributary.catalog.Resource partial = new io.tributary.catalog.Resource(r.name(), r.version(), r.description(), r.model(), r.keyField(),
                r.operations(), List.of(new Relation.Call("parent", "getRepository", Map.of("slug", "$parentSlug"), "")), "");
        io.tributary.catalog.ServiceCatalog catalog = new io.tributary.catalog.ServiceCatalog(base.service(), base.instanceId(),
                base.serviceVersion(), base.publishedAt(), base.baseUrl(), base.leaseMillis(), List.of(partial), base.operations());

        ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(catalog))));

        assertThat(graph.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .contains("getRepository needs [username], which it leaves unfilled"));
    }

    @Test
    void shouldRefuseACallRelationWhoseTargetIsNoFieldName() {
        assertThatThrownBy(() -> new Relation.Call("parent", "get-repository", Map.of(), ""))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("operation field");
    }
}
