package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.limits.Limits;
import io.tributary.gateway.limits.OperationLimits;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphHolderTest {
    private final GraphHolder holder = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC()));

    @Test
    void shouldReportTheRecentlyUsedOperationsANewViewBreaks() {
        holder.apply(view(1, CourseCatalogs.v2("a")));
        holder.current().orElseThrow().execute(GatewayRequest.of("query Durations { course(id: \"c-1\") { durationMinutes } }"));
        holder.current().orElseThrow().execute(GatewayRequest.of("{ course(id: \"c-1\") { title } }"));

        assertThat(holder.apply(view(2, CourseCatalogs.v1("a")))).isTrue();

        SwapReport report = holder.lastSwap().orElseThrow();
        assertThat(report.version()).isEqualTo(2);
        assertThat(report.brokenOperations()).singleElement().satisfies(broken -> {
            assertThat(broken.operation().query()).contains("query Durations");
            assertThat(broken.errors()).singleElement().asString().contains("durationMinutes");
        });
    }

    @Test
    void shouldNotRememberOperationsThatFailedValidation() {
        holder.apply(view(1, CourseCatalogs.v1("a")));
        holder.current().orElseThrow().execute(GatewayRequest.of("{ course(id: \"c-1\") { noSuchField } }"));

        assertThat(holder.current().orElseThrow().recentOperations().snapshot()).isEmpty();
    }

    @Test
    void shouldRecordARefusalAndTellTheListenersWhileTheLastGoodViewServes() {
        List<String> heard = new ArrayList<>();
        holder.addListener(new SwapListener() {
            @Override
            public void swapped(ExecutableGraph graph, SwapReport report) {
                heard.add("swapped " + report.version());
            }

            @Override
            public void refused(SchemaView view, String reason) {
                heard.add("refused " + view.version());
            }
        });
        SchemaView good = view(1, CourseCatalogs.v1("a"));
        holder.apply(good);
        SchemaView broken = new SchemaView("default", 2, "h", Instant.EPOCH, "type Query { broken: NoSuchType }",
                good.routing(), good.services(), good.diagnostics(), List.of(), List.of(), good.cause());

        assertThat(holder.apply(broken)).isFalse();

        assertThat(heard).containsExactly("swapped 1", "refused 2");
        assertThat(holder.lastRefusal().orElseThrow().reason()).contains("NoSuchType");
        assertThat(holder.current().orElseThrow().view()).isEqualTo(good);
    }

    @Test
    void shouldLetTheFirstViewFromKafkaReplaceTheCachedOneWhateverItsVersion() {
        holder.applyCached(view(7, CourseCatalogs.v2("a")));

        assertThat(holder.apply(view(1, CourseCatalogs.v1("a")))).isTrue();
        assertThat(holder.apply(view(1, CourseCatalogs.v2("a")))).isFalse();
        assertThat(holder.current().orElseThrow().view().version()).isEqualTo(1);
    }

    /** A query graphql-java's good-faith introspection check refuses, and whose validation alone throws. */
    static final String BAD_FAITH_INTROSPECTION =
            "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";

    @Test
    void shouldKeepSwappingAfterRequestsTheLimitsRefused() {
        GraphHolder limited = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)),
                List.of((v, calls) -> new OperationLimits(Limits.DEFAULT.withIntrospection(false).withMaxDepth(1), calls)),
                Clock.systemUTC()));
        limited.apply(view(1, CourseCatalogs.v2("a")));
        ExecutableGraph served = limited.current().orElseThrow();

        served.execute(GatewayRequest.of(BAD_FAITH_INTROSPECTION));
        served.execute(GatewayRequest.of("{ __schema { types { name } } }"));
        served.execute(GatewayRequest.of("{ course(id: \"c-1\") { id } }"));

        assertThat(served.recentOperations().snapshot()).isEmpty();
        assertThat(limited.apply(view(2, CourseCatalogs.v1("a")))).isTrue();
        assertThat(limited.current().orElseThrow().view().version()).isEqualTo(2);
    }

    @Test
    void shouldSwapWhenCheckingARecentOperationThrowsAndReportItBroken() {
        holder.apply(view(1, CourseCatalogs.v2("a")));
        RecentOperations recent = holder.current().orElseThrow().recentOperations();
        recent.record(BAD_FAITH_INTROSPECTION, null);
        recent.record("{ course(id: \"c-1\") { title } }", null);

        assertThat(holder.apply(view(2, CourseCatalogs.v1("a")))).isTrue();

        assertThat(holder.current().orElseThrow().view().version()).isEqualTo(2);
        assertThat(holder.lastSwap().orElseThrow().brokenOperations()).singleElement().satisfies(broken -> {
            assertThat(broken.operation().query()).isEqualTo(BAD_FAITH_INTROSPECTION);
            assertThat(broken.errors()).singleElement().asString().contains("checking it against this view failed", "GoodFaith");
        });
    }

    @Test
    void shouldSkipAndCountTheOperationsLeftWhenTheWarmupBudgetRunsOut() {
        GraphHolder hurried = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC()),
                Duration.ZERO, Clock.systemUTC());
        hurried.apply(view(1, CourseCatalogs.v2("a")));
        for (int i = 0; i < 5; i++) {
            hurried.current().orElseThrow().recentOperations().record("query Q" + i + " { course(id: \"c-1\") { title } }", null);
        }

        assertThat(hurried.apply(view(2, CourseCatalogs.v1("a")))).isTrue();

        assertThat(hurried.lastSwap().orElseThrow().skippedOperations()).isEqualTo(5);
        assertThat(hurried.current().orElseThrow().view().version()).isEqualTo(2);
    }

    @Test
    void shouldNotRememberDocumentsLargerThanTheBound() {
        RecentOperations recent = new RecentOperations(10, 100);
        recent.record("{ course(id: \"c-1\") { title } }", null);
        recent.record("{ course(id: \"c-1\") { " + "title ".repeat(20) + "} }", null);
        recent.record("{ course(id: \"" + "é".repeat(40) + "\") { title } }", null);

        assertThat(recent.snapshot()).extracting(RecentOperations.Operation::query).containsExactly("{ course(id: \"c-1\") { title } }");
    }

    @Test
    void shouldServeNothingOnceWithdrawnAndTakeTheNextViewWhateverItsVersion() {
        List<String> heard = new ArrayList<>();
        holder.addListener(new SwapListener() {
            @Override
            public void withdrawn(SchemaView view, String reason) {
                heard.add("withdrawn " + view.version() + ": " + reason);
            }
        });
        holder.applyCached(view(7, CourseCatalogs.v2("a")), "cluster-a");
        assertThat(holder.origin()).contains("cluster-a");

        assertThat(holder.withdraw("it belongs to cluster-a")).isTrue();

        assertThat(holder.current()).isEmpty();
        assertThat(holder.origin()).isEmpty();
        assertThat(holder.withdrawal().orElseThrow().reason()).isEqualTo("it belongs to cluster-a");
        assertThat(heard).containsExactly("withdrawn 7: it belongs to cluster-a");
        assertThat(holder.apply(view(1, CourseCatalogs.v1("a")), "cluster-b")).isTrue();
        assertThat(holder.origin()).contains("cluster-b");
        assertThat(holder.withdrawal()).isEmpty();
        assertThat(holder.withdraw("again")).isTrue();
        assertThat(holder.withdraw("nothing left")).isFalse();
    }

    static SchemaView view(long version, ServiceCatalog catalog) {
        SchemaView first = new ViewFold("default").next(Optional.empty(), List.of(catalog), new Cause("t", 0, version, "k"),
                Instant.parse("2026-11-21T12:00:00Z")).orElseThrow();
        return new SchemaView(first.graph(), version, first.hash(), first.composedAt(), first.sdl(), first.routing(),
                first.services(), first.diagnostics(), first.failedServices(), first.changes(), first.cause());
    }
}
