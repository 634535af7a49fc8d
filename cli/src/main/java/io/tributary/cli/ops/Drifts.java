package io.tributary.cli.ops;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code tributary drift} reports, worked out from what the topics said at one moment: a stopped aggregator,
 * gateways that stopped reporting or serve an older view, instances serving more than their service's effective
 * catalog, quarantined services. Kept apart from the command so it can be tested without a broker.
 */
record Drifts(List<Drift> found) {

    /** One departure from the latest view: its kind (a stable code), what it is about, and what an operator should know. */
    record Drift(String kind, String subject, String detail) {
    }

    /** The drift of {@code graph}, whose latest view is {@code view}, at {@code now}. */
    static Drifts of(String graph, SchemaView view, ClusterState.Aggregator aggregator, Collection<GatewayStatus> gateways,
            Collection<ServiceCatalog> liveInstances, Instant now, Duration silentAfter) {
        List<Drift> drifts = new ArrayList<>();
        if (aggregator.liveness() == ClusterState.Aggregator.Liveness.NOT_RUNNING) {
            drifts.add(new Drift("AGGREGATOR_NOT_RUNNING", aggregator.applicationId(), aggregator.detail() + "; the last view ("
                    + view.version() + ") was composed " + Ages.format(Duration.between(view.composedAt(), now))
                    + " ago, and no catalog change becomes a view until it runs"));
        }
        for (GatewayStatus gateway : gateways) {
            if (gateway.graph().equals(graph)) {
                gateway(gateway, view, now, silentAfter, drifts);
            }
        }
        Map<String, List<ServiceCatalog>> byService = liveInstances.stream()
                .collect(Collectors.groupingBy(ServiceCatalog::service, TreeMap::new, Collectors.toList()));
        byService.forEach((service, instances) -> {
            EffectiveCatalog effective = EffectiveCatalog.of(instances);
            for (ServiceCatalog instance : instances) {
                if (!instance.resources().equals(effective.resources()) || !instance.operations().equals(effective.operations())) {
                    drifts.add(new Drift("INSTANCE_OFF_CATALOG", instance.instanceKey(), "deploy " + instance.serviceVersion()
                            + " serves more than the " + effective.status().name().toLowerCase(Locale.ROOT)
                            + " effective catalog of " + service + " (a rolling deploy or rollback in progress)"));
                }
            }
        });
        view.failedServices().forEach(service -> drifts.add(new Drift("QUARANTINED", service,
                "its catalog cannot be composed; its last good catalog is served")));
        return new Drifts(List.copyOf(drifts));
    }

    private static void gateway(GatewayStatus gateway, SchemaView view, Instant now, Duration silentAfter, List<Drift> drifts) {
        GatewayLiveness live = GatewayLiveness.of(gateway, now, silentAfter);
        if (live.silent()) {
            drifts.add(new Drift("GATEWAY_SILENT", gateway.gatewayId(), live.reported() + " (more than "
                    + Ages.format(silentAfter) + "); its last report, at " + gateway.reportedAt() + ", said it served view "
                    + gateway.viewVersion() + (live.connection().isEmpty() ? "" : ", Kafka " + live.connection())
                    + ". Stopped, or cannot reach Kafka"));
        } else if (gateway.viewVersion() < view.version()) {
            drifts.add(new Drift("GATEWAY_BEHIND", gateway.gatewayId(), "serves view " + gateway.viewVersion() + ", latest is "
                    + view.version() + (gateway.refusedVersion() > gateway.viewVersion()
                    ? "; it refused view " + gateway.refusedVersion() + ": " + gateway.refusedReason() : "")));
        }
    }

    boolean none() {
        return found.isEmpty();
    }
}
