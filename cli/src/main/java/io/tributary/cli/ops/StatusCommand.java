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

/** {@code tributary status}: the latest view, every service and its instances, the diagnostics, and every gateway's lag. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the latest view, services, diagnostics and gateways.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;
    @Option(names = "--graph", defaultValue = "default", description = "The graph (default: ${DEFAULT-VALUE}).")
    String graph;
    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (TopicLog log = new TopicLog(kafka.clientProperties())) {
            ClusterState state = new ClusterState(log, kafka.topics());
            SchemaView view = state.latestView(graph).orElseThrow(() -> new OperatorException(
                    "graph " + graph + " has no view yet: is the aggregator running, and has any service published?"));
            Map<String, GatewayStatus> gateways = state.gateways();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("view", JsonOutput.tree(ViewJson.view(view)));
                document.put("gateways", gateways.values().stream().map(g -> Map.of("gateway", g.gatewayId(),
                        "version", g.viewVersion(), "behind", view.version() - g.viewVersion(), "appliedAt", g.appliedAt().toString(),
                        "lagMillis", g.lagMillis(), "refusedVersion", g.refusedVersion(), "refusedReason", g.refusedReason())).toList());
                JsonOutput.print(out, document);
                return 0;
            }
            Instant now = Instant.now();
            out.printf("Graph %s: view %d (%s), composed %s (%s ago), caused by %s %s at %s@%d%n%n", graph, view.version(),
                    Views.shortHash(view), view.composedAt(), age(view.composedAt(), now), view.cause().kind(), view.cause().key(),
                    view.cause().topic(), view.cause().offset());
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
            Table table = Table.of("GATEWAY", "VERSION", "BEHIND", "APPLIED", "LAG", "REFUSED");
            for (GatewayStatus g : gateways.values()) {
                table.row(g.gatewayId(), g.viewVersion(), view.version() - g.viewVersion(), g.appliedAt(), g.lagMillis() + " ms",
                        g.refusedVersion() == 0 ? "" : g.refusedVersion() + ": " + g.refusedReason());
            }
            table.print(out);
            return 0;
        }
    }

    private static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + " min " + age.toSecondsPart() + " s" : age.toSeconds() + " s";
    }
}
