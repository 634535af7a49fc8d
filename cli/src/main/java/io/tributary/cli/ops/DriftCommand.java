package io.tributary.cli.ops;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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

    record Drift(String kind, String subject, String detail) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Drift> drifts = new ArrayList<>();
        SchemaView view;
        ClusterState.Aggregator aggregator;
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            ClusterState state = new ClusterState(log, options.kafka().topics());
            view = state.latestView(options.graph()).orElseThrow(() -> new OperatorException("graph " + options.graph() + " has no view yet"));
            Instant now = Instant.now();
            aggregator = state.aggregator(liveness.applicationId());
            String lastView = "the last view (" + view.version() + ") was composed " + Ages.format(Duration.between(view.composedAt(), now))
                    + " ago";
            if (aggregator.liveness() == ClusterState.Aggregator.Liveness.NOT_RUNNING) {
                drifts.add(new Drift("AGGREGATOR_NOT_RUNNING", aggregator.applicationId(), aggregator.detail() + "; " + lastView
                        + ", and no catalog change becomes a view until it runs"));
            } else if (aggregator.liveness() == ClusterState.Aggregator.Liveness.UNKNOWN) {
                spec.commandLine().getErr().printf("tributary drift: cannot tell whether aggregator %s runs: %s%n",
                        aggregator.applicationId(), aggregator.detail());
                spec.commandLine().getErr().flush();
            }
            for (GatewayStatus gateway : state.gateways().values()) {
                if (!gateway.graph().equals(options.graph())) {
                    continue;
                }
                GatewayLiveness live = GatewayLiveness.of(gateway, now, liveness.silentAfter());
                if (live.silent()) {
                    drifts.add(new Drift("GATEWAY_SILENT", gateway.gatewayId(), live.reported() + " (more than "
                            + Ages.format(liveness.silentAfter()) + "); its last report, at " + gateway.reportedAt() + ", said it served view "
                            + gateway.viewVersion() + (live.connection().isEmpty() ? "" : ", Kafka " + live.connection())
                            + ". Stopped, or cannot reach Kafka"));
                } else if (gateway.viewVersion() < view.version()) {
                    drifts.add(new Drift("GATEWAY_BEHIND", gateway.gatewayId(), "serves view " + gateway.viewVersion() + ", latest is "
                            + view.version() + (gateway.refusedVersion() > gateway.viewVersion()
                            ? "; it refused view " + gateway.refusedVersion() + ": " + gateway.refusedReason() : "")));
                }
            }
            Map<String, List<ServiceCatalog>> byService = state.liveInstances().values().stream()
                    .collect(Collectors.groupingBy(ServiceCatalog::service, TreeMap::new, Collectors.toList()));
            byService.forEach((service, instances) -> {
                EffectiveCatalog effective = EffectiveCatalog.of(instances);
                for (ServiceCatalog instance : instances) {
                    if (!instance.resources().equals(effective.resources()) || !instance.operations().equals(effective.operations())) {
                        drifts.add(new Drift("INSTANCE_OFF_CATALOG", instance.instanceKey(), "deploy " + instance.serviceVersion()
                                + " serves more than the " + effective.status().name().toLowerCase(java.util.Locale.ROOT)
                                + " effective catalog of " + service + " (a rolling deploy or rollback in progress)"));
                    }
                }
            });
        }
        view.failedServices().forEach(service -> drifts.add(new Drift("QUARANTINED", service,
                "its catalog cannot be composed; its last good catalog is served")));
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("latestView", view.version());
            document.put("aggregator", StatusCommand.aggregatorJson(aggregator, view, Instant.now()));
            document.put("drift", drifts.stream().map(d -> Map.of("kind", d.kind(), "subject", d.subject(), "detail", d.detail())).toList());
            JsonOutput.print(out, document);
        } else if (drifts.isEmpty()) {
            out.printf("No drift: the aggregator runs, every gateway reports and serves view %d, and every instance serves its"
                    + " service's catalog.%n", view.version());
            out.flush();
        } else {
            Table table = Table.of("KIND", "SUBJECT", "DETAIL");
            drifts.forEach(d -> table.row(d.kind(), d.subject(), d.detail()));
            table.print(out);
        }
        return drifts.isEmpty() ? 0 : 1;
    }
}
