package io.tributary.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.cli.ops.ClusterState.Aggregator;
import io.tributary.cli.ops.ClusterState.Aggregator.Liveness;
import io.tributary.cli.ops.Drifts.Drift;
import io.tributary.status.GatewayStatus;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration SILENT_AFTER = Duration.ofSeconds(30);
    private static final Aggregator RUNNING = new Aggregator("tributary-aggregator", Liveness.RUNNING, 1, "1 member");
    private static final ServiceCatalog V1 = CourseCatalogs.v1("courses-a");
    private static final SchemaView VIEW = view(List.of(V1));

    @Test
    void shouldFindNoDriftWhenTheAggregatorRunsAndEveryGatewayServesTheLatestView() {
        Drifts drifts = Drifts.of("default", VIEW, RUNNING, List.of(gateway("gw-1", "default", VIEW.version(), NOW.minusSeconds(5))),
                List.of(V1), NOW, SILENT_AFTER);

        assertThat(drifts.none()).isTrue();
    }

    @Test
    void shouldReportAStoppedAggregatorWithTheAgeOfTheLastView() {
        Aggregator stopped = new Aggregator("tributary-aggregator", Liveness.NOT_RUNNING, 0, "its group has no members");

        Drifts drifts = Drifts.of("default", VIEW, stopped, List.of(), List.of(V1), NOW, SILENT_AFTER);

        assertThat(drifts.found()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("AGGREGATOR_NOT_RUNNING");
            assertThat(d.subject()).isEqualTo("tributary-aggregator");
            assertThat(d.detail()).contains("its group has no members", "the last view (" + VIEW.version() + ")");
        });
    }

    @Test
    void shouldReportASilentGatewayRatherThanABehindOneAndIgnoreOtherGraphs() {
        List<GatewayStatus> gateways = List.of(
                gateway("gw-silent", "default", VIEW.version() - 1, NOW.minusSeconds(31)),
                gateway("gw-other-graph", "other", 0, NOW.minusSeconds(600)));

        Drifts drifts = Drifts.of("default", VIEW, RUNNING, gateways, List.of(V1), NOW, SILENT_AFTER);

        assertThat(drifts.found()).extracting(Drift::kind, Drift::subject).containsExactly(
                tuple("GATEWAY_SILENT", "gw-silent"));
    }

    @Test
    void shouldReportAGatewayBehindWithTheViewItRefused() {
        GatewayStatus behind = new GatewayStatus("gw-1", "default", VIEW.version() - 1, "h", NOW.minusSeconds(60), 0, 0,
                VIEW.version(), "its schema is invalid", NOW.minusSeconds(1), GatewayStatus.Connection.CONNECTED, NOW, 0);

        Drifts drifts = Drifts.of("default", VIEW, RUNNING, List.of(behind), List.of(V1), NOW, SILENT_AFTER);

        assertThat(drifts.found()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("GATEWAY_BEHIND");
            assertThat(d.detail()).contains("serves view " + (VIEW.version() - 1), "refused view " + VIEW.version(), "its schema is invalid");
        });
    }

    @Test
    void shouldReportTheInstanceServingMoreThanItsServicesEffectiveCatalogDuringARollingDeploy() {
        ServiceCatalog v2 = CourseCatalogs.v2("courses-b");

        Drifts drifts = Drifts.of("default", view(List.of(V1, v2)), RUNNING, List.of(), List.of(V1, v2), NOW, SILENT_AFTER);

        assertThat(drifts.found()).extracting(Drift::kind, Drift::subject).containsExactly(
                tuple("INSTANCE_OFF_CATALOG", v2.instanceKey()));
    }

    private static GatewayStatus gateway(String id, String graph, long version, Instant reportedAt) {
        return new GatewayStatus(id, graph, version, "h", reportedAt, 0, 0, 0, "", reportedAt, GatewayStatus.Connection.CONNECTED,
                reportedAt, 0);
    }

    private static SchemaView view(List<ServiceCatalog> live) {
        return new ViewFold("default").next(Optional.empty(), live, new Cause("catalog", 0, 0, "k", Cause.EventKind.PUBLISHED), NOW)
                .orElseThrow();
    }
}
