package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.fold.EffectiveCatalog;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CallFieldTest {
    private final GraphComposer composer = new GraphComposer();

    @Test
    void shouldOfferEachOperationFieldOnQueryWhenItIsAGetAndOnMutationOtherwise() {
        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(GraphCatalogs.store()))));

        assertThat(graph.diagnostics()).isEmpty();
        assertThat(graph.sdl())
                .contains("salesReport(\n    \"Only this region.\"\n    region: String,\n    \"The year.\"\n    year: Int!\n  ): SalesReport")
                .contains("storeInventory: JSON")
                .contains("userLogin(\n    \"Who logs in.\"\n    input: CredentialsInput!\n  ): String")
                .contains("cachePurge: Boolean!")
                .contains("type SalesReport {");
        assertThat(graph.schema().getQueryType().getFieldDefinition("userLogin")).isNull();
        assertThat(graph.schema().getMutationType().getFieldDefinition("salesReport")).isNull();
        assertThat(graph.routing().fields())
                .extracting(FieldRoute::coordinate, r -> r.operation().kind(), r -> r.operation().httpMethod() + " " + r.operation().path())
                .containsExactly(
                        tuple("Mutation.cachePurge", OperationKind.CALL, "DELETE /cache"),
                        tuple("Mutation.userLogin", OperationKind.CALL, "POST /user/login"),
                        tuple("Query.salesReport", OperationKind.CALL, "GET /reports/{year}"),
                        tuple("Query.storeInventory", OperationKind.CALL, "GET /store/inventory"));
        assertThat(graph.routing().fields()).allSatisfy(route -> assertThat(route.service()).isEqualTo("store"));
    }

    @Test
    void shouldLeaveOutAnOperationFieldNamedLikeAFieldAnotherServiceClaimedFirst() {
        ServiceCatalog clash = new ServiceCatalog("clash", "i-1", "1", Instant.EPOCH, "http://127.0.0.1:9009", 30_000, List.of(),
                List.of(new OperationField(Operation.builder(OperationKind.CALL, "GET", "/c").name("course").build(),
                        Schema.create(Schema.Type.STRING))));

        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(CourseCatalogs.v2("a"))),
                EffectiveCatalog.of(List.of(clash))));

        assertThat(graph.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("FIELD_CONFLICT");
            assertThat(d.where()).isEqualTo("clash:course");
        });
        assertThat(graph.routing().fields()).noneMatch(r -> r.service().equals("clash"));
    }

    @Test
    void shouldKeepOnlyTheOperationFieldsEveryLiveInstanceServesDuringARollingDeploy() {
        ServiceCatalog older = GraphCatalogs.store();
        ServiceCatalog newer = new ServiceCatalog("store", "i-2", "1.1.0", older.publishedAt(), older.baseUrl(), older.leaseMillis(),
                List.of(), older.operations().subList(1, older.operations().size()));

        EffectiveCatalog effective = EffectiveCatalog.of(List.of(older, newer));

        assertThat(effective.operations()).extracting(OperationField::name).containsExactly("userLogin", "storeInventory", "cachePurge");
        assertThat(effective.status()).isEqualTo(io.tributary.fold.ServiceStatus.ROLLING);
    }

    @Test
    void shouldRefuseAnOperationFieldThatIsNoCallOrHasNoGraphQLName() {
        Assertions.assertThatThrownBy(() -> new OperationField(Operation.builder(OperationKind.ACTION, "POST", "/x").name("x").build(),
                Schema.create(Schema.Type.STRING))).isInstanceOf(InvalidCatalogException.class).hasMessageContaining("must be a CALL");
        Assertions.assertThatThrownBy(() -> new OperationField(Operation.builder(OperationKind.CALL, "POST", "/x").name("__x").build(),
                Schema.create(Schema.Type.STRING))).isInstanceOf(InvalidCatalogException.class).hasMessageContaining("operation field name");
    }

    @Test
    void shouldOfferADefaultOfTheArgumentsTypeAndIgnoreOneOfAnotherType() {
        Schema year = new Schema.Parser().parse("{\"type\": \"int\", \"tributary.default\": 2025}");
        Schema month = new Schema.Parser().parse("{\"type\": \"int\", \"tributary.default\": \"may\"}");
        ServiceCatalog reports = new ServiceCatalog("reports", "i-1", "1", Instant.EPOCH, "http://127.0.0.1:9009", 30_000, List.of(),
                List.of(new OperationField(Operation.builder(OperationKind.CALL, "GET", "/reports").name("reports")
                        .parameters(List.of(new io.tributary.catalog.Parameter("year", year, io.tributary.catalog.Parameter.Location.QUERY, false, ""),
                                new io.tributary.catalog.Parameter("month", month, io.tributary.catalog.Parameter.Location.QUERY, false, "")))
                        .build(), Schema.create(Schema.Type.STRING))));

        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(reports))));

        assertThat(graph.diagnostics()).isEmpty();
        assertThat(graph.sdl()).contains("reports(month: Int, year: Int = 2025): String").doesNotContain("may");
    }
}
