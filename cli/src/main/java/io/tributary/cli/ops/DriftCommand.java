package io.tributary.cli.ops;

import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary drift}: an aggregator that does not run, gateways that stopped reporting or do not serve the latest
 * view, instances whose catalog differs from their service's effective catalog, quarantined services. Exits 1 when
 * there is any, so monitoring can run it.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Find a stopped aggregator, silent gateways, gateways behind the latest view, instances off their service's"
                + " catalog, quarantined services; exit 1 if any.")
public final class DriftCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Mixin
    LivenessOptions liveness;
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SchemaView view;
        ClusterState.Aggregator aggregator;
        Drifts drifts;
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            ClusterState state = new ClusterState(log, options.kafka().topics());
            view = state.latestView(options.graph()).orElseThrow(() -> new OperatorException("graph " + options.graph() + " has no view yet"));
            aggregator = state.aggregator(liveness.applicationId());
            if (aggregator.liveness() == ClusterState.Aggregator.Liveness.UNKNOWN) {
                spec.commandLine().getErr().printf("tributary drift: cannot tell whether aggregator %s runs: %s%n",
                        aggregator.applicationId(), aggregator.detail());
                spec.commandLine().getErr().flush();
            }
            drifts = Drifts.of(options.graph(), view, aggregator, state.gateways().values(), state.liveInstances().values(),
                    Instant.now(), liveness.silentAfter());
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("latestView", view.version());
            document.put("aggregator", StatusCommand.aggregatorJson(aggregator, view, Instant.now()));
            document.put("drift", drifts.found().stream().map(d -> Map.of("kind", d.kind(), "subject", d.subject(), "detail", d.detail())).toList());
            JsonOutput.print(out, document);
        } else if (drifts.none()) {
            out.printf("No drift: the aggregator runs, every gateway reports and serves view %d, and every instance serves its"
                    + " service's catalog.%n", view.version());
            out.flush();
        } else {
            Table table = Table.of("KIND", "SUBJECT", "DETAIL");
            drifts.found().forEach(d -> table.row(d.kind(), d.subject(), d.detail()));
            table.print(out);
        }
        return drifts.none() ? 0 : 1;
    }
}
