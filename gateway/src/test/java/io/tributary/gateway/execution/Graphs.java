package io.tributary.gateway.execution;

import graphql.ExecutionResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.gateway.limits.Limits;
import io.tributary.gateway.limits.OperationLimits;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.request.HeaderForwarding;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The path every execution test takes, without the gateway's HTTP layer: catalogs folded into a view as the aggregator
 * does, the view made executable by the gateway's own factory, and requests executed on it over a real REST client.
 */
final class Graphs implements AutoCloseable {
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RestClient client;
    final SchemaView view;
    final ExecutableGraph graph;

    Graphs(List<ServiceCatalog> catalogs, RestSettings settings) {
        this(catalogs, List.of(), settings);
    }

    Graphs(List<ServiceCatalog> catalogs, List<CurationRule> curation, RestSettings settings) {
        this(catalogs, curation, settings, List.of());
    }

    /** The same path with a client that forwards each service only the headers {@code forwarding} gives it. */
    Graphs(List<ServiceCatalog> catalogs, RestSettings settings, HeaderForwarding forwarding) {
        this(catalogs, List.of(), settings, List.of(), forwarding);
    }

    private Graphs(List<ServiceCatalog> catalogs, List<CurationRule> curation, RestSettings settings,
                   List<ViewInstrumentation> instrumentations) {
        this(catalogs, curation, settings, instrumentations, HeaderForwarding.EVERYWHERE);
    }

    private Graphs(List<ServiceCatalog> catalogs, List<CurationRule> curation, RestSettings settings,
                   List<ViewInstrumentation> instrumentations, HeaderForwarding forwarding) {
        this.client = new RestClient(settings, meters, forwarding);
        this.view = view(catalogs, curation);
        this.graph = new ExecutableGraphFactory(client, instrumentations, Clock.systemUTC()).build(view);
    }

    /** The same path with the gateway's operation limits on every request, as its beans add them. */
    static Graphs limited(List<ServiceCatalog> catalogs, RestSettings settings, Limits limits) {
        return new Graphs(catalogs, List.of(), settings,
                List.of((view, calls) -> new OperationLimits(limits, calls)));
    }

    static SchemaView view(List<ServiceCatalog> catalogs, List<CurationRule> curation) {
        return new ViewFold("default").next(Optional.empty(), catalogs, FoldState.EMPTY, curation, new Cause("t", 0, 1, "k"), Instant.EPOCH)
                .view().orElseThrow();
    }

    /** Calls made per service so far, whatever their outcome, as the gateway's downstream metrics count them. */
    Map<String, Long> callsPerService() {
        Map<String, Long> totals = new TreeMap<>();
        meters.find(RestClient.CALLS_METER).timers()
                .forEach(timer -> totals.merge(timer.getId().getTag("service"), timer.count(), Long::sum));
        return totals;
    }

    ExecutionResult execute(String query) {
        return graph.execute(GatewayRequest.of(query));
    }

    ExecutionResult execute(String query, Map<String, String> headers) {
        return graph.execute(new GatewayRequest(query, null, Map.of(), headers, Caller.ANONYMOUS));
    }

    /** How many calls the client made to a service with this outcome, as its metrics say. */
    long calls(String service, String outcome) {
        var timer = meters.find(RestClient.CALLS_METER).tag("service", service).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Override
    public void close() {
        client.close();
    }
}
