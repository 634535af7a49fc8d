package io.tributary.cli.ops;

import io.tributary.avro.ViewJson;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.LiveInstance;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import io.tributary.view.ServiceState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary status}: the latest view, whether the aggregator runs, every service and its instances, the
 * diagnostics, and every gateway's lag, link to Kafka and last report (a gateway that stopped reporting is silent).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the latest view, the aggregator, services, diagnostics and gateways (silent ones too).")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Mixin
    LivenessOptions liveness;
    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            ClusterState state = new ClusterState(log, options.kafka().topics());
            SchemaView view = state.latestView(options.graph()).orElseThrow(() -> new OperatorException(
                    "graph " + options.graph() + " has no view yet: is the aggregator running, and has any service published?"));
            Instant now = Instant.now();
            List<GatewayLiveness> gateways = state.gateways().values().stream()
                    .map(g -> GatewayLiveness.of(g, now, liveness.silentAfter())).toList();
            ClusterState.Aggregator aggregator = state.aggregator(liveness.applicationId());
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("view", JsonOutput.tree(ViewJson.view(view)));
                document.put("aggregator", aggregatorJson(aggregator, view, now));
                document.put("gateways", gateways.stream().map(g -> gatewayJson(g, view)).toList());
                JsonOutput.print(out, document);
                return 0;
            }
            out.printf("Graph %s: view %d (%s), composed %s (%s ago), caused by %s %s at %s@%d%n", options.graph(), view.version(),
                    Views.shortHash(view), view.composedAt(), Ages.format(Duration.between(view.composedAt(), now)), view.cause().kind(),
                    view.cause().key(), view.cause().topic(), view.cause().offset());
            String lastView = "last view composed " + Ages.format(Duration.between(view.composedAt(), now)) + " ago";
            out.printf("Aggregator %s: %s%n%n", aggregator.applicationId(), switch (aggregator.liveness()) {
                case RUNNING -> "running (" + aggregator.detail() + "); " + lastView;
                case NOT_RUNNING -> "NOT RUNNING (" + aggregator.detail() + "); " + lastView + ", and no catalog change becomes a view until it runs";
                case UNKNOWN -> "unknown (" + aggregator.detail() + "); " + lastView;
            });
            Table services = Table.of("SERVICE", "STATUS", "INSTANCES", "VERSIONS");
            for (ServiceState service : view.services()) {
                services.row(service.service(), service.status(), service.instances().size(),
                        service.instances().stream().map(LiveInstance::serviceVersion).distinct().sorted().collect(Collectors.joining(", ")));
            }
            services.print(out);
            out.println();
            List<Diagnostic> notable = view.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).toList();
            if (notable.isEmpty()) {
                out.printf("No warnings or errors (%d informational diagnostics: tributary status --json lists them).%n", view.diagnostics().size());
            } else {
                Table diagnostics = Table.of("SEVERITY", "CODE", "WHERE", "MESSAGE");
                notable.forEach(d -> diagnostics.row(d.severity(), d.code(), d.where(), d.message()));
                diagnostics.print(out);
            }
            out.println();
            Table table = Table.of("GATEWAY", "VERSION", "BEHIND", "APPLIED", "LAG", "KAFKA", "REPORTED", "REFUSED");
            for (GatewayLiveness live : gateways) {
                GatewayStatus g = live.status();
                table.row(g.gatewayId(), g.viewVersion(), view.version() - g.viewVersion(), g.appliedAt(), g.lagMillis() + " ms",
                        live.connection(), live.reported(), g.refusedVersion() == 0 ? "" : g.refusedVersion() + ": " + g.refusedReason());
            }
            table.print(out);
            printBrokenOperations(out, gateways);
            return 0;
        }
    }

    /** The recently used operations each gateway's last swap broke, as the gateways name them. */
    private static void printBrokenOperations(PrintWriter out, List<GatewayLiveness> gateways) {
        List<GatewayStatus> breaking = gateways.stream().map(GatewayLiveness::status).filter(g -> g.brokenOperations() > 0).toList();
        if (breaking.isEmpty()) {
            return;
        }
        out.println();
        out.println("Recently used operations the served view breaks:");
        Table table = Table.of("GATEWAY", "VERSION", "OPERATION", "HASH", "REASON");
        for (GatewayStatus g : breaking) {
            for (GatewayStatus.BrokenOperation b : g.namedBrokenOperations()) {
                table.row(g.gatewayId(), g.viewVersion(), b.name(), b.hash().length() > 12 ? b.hash().substring(0, 12) : b.hash(), b.reason());
            }
            int unnamed = g.brokenOperations() - g.namedBrokenOperations().size();
            if (unnamed > 0) {
                table.row(g.gatewayId(), g.viewVersion(), "(" + unnamed + " more)", "", "");
            }
        }
        table.print(out);
    }

    static Map<String, Object> aggregatorJson(ClusterState.Aggregator aggregator, SchemaView view, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applicationId", aggregator.applicationId());
        json.put("state", aggregator.liveness().name());
        json.put("members", aggregator.members());
        json.put("detail", aggregator.detail());
        json.put("lastViewComposedAt", view.composedAt().toString());
        json.put("lastViewAgeMillis", Math.max(0, Duration.between(view.composedAt(), now).toMillis()));
        return json;
    }

    private static Map<String, Object> gatewayJson(GatewayLiveness live, SchemaView view) {
        GatewayStatus g = live.status();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gateway", g.gatewayId());
        json.put("graph", g.graph());
        json.put("version", g.viewVersion());
        json.put("behind", view.version() - g.viewVersion());
        json.put("appliedAt", g.appliedAt().toString());
        json.put("lagMillis", g.lagMillis());
        json.put("refusedVersion", g.refusedVersion());
        json.put("refusedReason", g.refusedReason());
        json.put("brokenOperations", g.brokenOperations());
        json.put("namedBrokenOperations", g.namedBrokenOperations());
        json.put("skippedOperations", g.skippedOperations());
        json.put("connection", g.connection().name());
        json.put("connectionSince", g.connection() == GatewayStatus.Connection.UNKNOWN ? null : g.connectionSince().toString());
        json.put("reportedAt", g.reportedAt().toString());
        json.put("sinceReportMillis", live.sinceReport().toMillis());
        json.put("silent", live.silent());
        return json;
    }
}
