package io.tributary.cli.ops;

import io.tributary.avro.RecordReplay;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.usage.OperationTotal;
import io.tributary.usage.UsageImpact;
import io.tributary.usage.UsageVerdict;
import io.tributary.usage.UsageWindow;
import io.tributary.view.CandidateDeploy;
import io.tributary.view.LogReplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code check} does, apart from its command line: folds a candidate deploy of one service onto the log as the
 * aggregator would, judges it against the operations clients sent in the usage window, and reports the verdict as
 * tables or JSON. The exit code is the verdict's: 0 safe, 1 breaking operations clients sent, 2 not composable, 3
 * blocked by lint, 4 breaking but unused in the window (safe in practice).
 *
 * @param usageDays how many days back the operations clients sent count
 */
public record Check(String service, List<Resource> resources, List<OperationField> operations, int usageDays) {

    /** The verdict and what it was judged against: whether the cluster had usage to judge with at all. */
    public record Outcome(UsageVerdict verdict, boolean usageKnown) {
    }

    /** Judges the deploy against the cluster's log and usage topic, as of {@code now}. */
    public Outcome judge(KafkaOptions kafka, String graph, Instant now) {
        try (TopicLog log = new TopicLog(kafka.clientProperties())) {
            RecordReplay replay = new ClusterState(log, kafka.topics()).replay(graph);
            Optional<UsageWindow> usage = UsageLog.read(log, kafka.topics(), graph);
            return new Outcome(judge(replay.fold(), usage.orElseGet(() -> new UsageWindow(graph)), now), usage.isPresent());
        }
    }

    /** Judges the deploy onto the live fold, against the operations of the window ending {@code now}. */
    public UsageVerdict judge(LogReplay live, UsageWindow usage, Instant now) {
        List<OperationTotal> seen = usage.totals(now, Duration.ofDays(usageDays));
        return UsageVerdict.of(CandidateDeploy.of(service, resources, operations, now).onto(live), seen);
    }

    /** Prints the verdict as tables, ending with one sentence that says what it means. */
    public void print(PrintWriter out, Outcome outcome) {
        UsageVerdict verdict = outcome.verdict();
        out.printf("Checking %d resources and %d operation fields of %s against view %s%n%n", resources.size(), operations.size(), service,
                verdict.deploy().before().map(v -> String.valueOf(v.version())).orElse("(none yet)"));
        section(out, "Composition errors", verdict.deploy().errors().stream().map(d -> new String[] {d.code(), d.where(), d.message()}).toList(),
                "CODE", "WHERE", "MESSAGE");
        section(out, "Lint", verdict.deploy().lint().stream().map(d -> new String[] {d.severity().name(), d.code(), d.where(), d.message()}).toList(),
                "SEVERITY", "CODE", "WHERE", "MESSAGE");
        if (!verdict.deploy().blockedBy().isEmpty()) {
            section(out, "Lint errors that keep the graph from being served", verdict.deploy().blockedBy().stream()
                    .map(d -> new String[] {d.code(), d.where(), d.message()}).toList(), "CODE", "WHERE", "MESSAGE");
        }
        section(out, "Changes to the graph", verdict.deploy().changes().stream()
                .map(c -> new String[] {c.level().name(), c.coordinate(), c.message()}).toList(), "LEVEL", "COORDINATE", "MESSAGE");
        out.println(outcome.usageKnown() ? "Operations clients sent in the last " + days() + ": " + verdict.seen().size()
                : "No usage topic on this cluster: which operations clients send is unknown.");
        out.println();
        if (!verdict.broken().isEmpty()) {
            section(out, "Operations this breaks", verdict.broken().stream().map(b -> new String[] {name(b.operation()),
                    b.operation().hash().substring(0, 12), clients(b.operation()), String.valueOf(b.operation().count()),
                    b.reasons().getFirst()}).toList(), "OPERATION", "HASH", "CLIENTS", "COUNT", "REASON");
        }
        out.println(switch (verdict.kind()) {
            case SAFE -> "Safe to deploy.";
            case BREAKING -> verdict.broken().isEmpty()
                    ? "Deploying this breaks clients (no operation seen in the last " + days() + " to tell which)."
                    : "Deploying this breaks clients: " + verdict.broken().size() + " operation(s) sent in the last " + days() + ": "
                    + verdict.broken().stream().map(b -> name(b.operation()) + " (" + clients(b.operation()) + ")")
                    .collect(Collectors.joining(", ")) + ".";
            case SAFE_IN_PRACTICE -> "Breaking changes, but no operation clients sent in the last " + days()
                    + " uses what they change: safe in practice.";
            case NOT_COMPOSABLE -> "This catalog cannot be composed into the graph.";
            case BLOCKED -> "Lint errors would keep the graph with this catalog from being served (the aggregator's lint errors block).";
        });
        out.flush();
    }

    /** The verdict as one JSON document, with the same content as the tables. */
    public void printJson(PrintWriter out, Outcome outcome) throws IOException {
        UsageVerdict verdict = outcome.verdict();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("service", service);
        document.put("exitCode", verdict.kind().exitCode());
        document.put("verdict", verdict.kind().name());
        document.put("errors", verdict.deploy().errors().stream().map(Check::diagnostic).toList());
        document.put("lint", verdict.deploy().lint().stream().map(Check::diagnostic).toList());
        document.put("blockedBy", verdict.deploy().blockedBy().stream().map(Check::diagnostic).toList());
        document.put("changes", verdict.deploy().changes().stream().map(c -> Map.of("level", c.level().name(), "category", c.category(),
                "coordinate", c.coordinate(), "message", c.message())).toList());
        document.put("usageDays", usageDays);
        document.put("usageKnown", outcome.usageKnown());
        document.put("operationsSeen", verdict.seen().size());
        document.put("brokenOperations", verdict.broken().stream().map(Check::broken).toList());
        JsonOutput.print(out, document);
    }

    static Map<String, Object> broken(UsageImpact.BrokenOperation broken) {
        OperationTotal operation = broken.operation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", operation.name());
        json.put("hash", operation.hash());
        json.put("count", operation.count());
        json.put("clients", operation.clients().stream().map(c -> Map.of("client", c.client(), "version", c.version(), "count", c.count()))
                .toList());
        json.put("reasons", broken.reasons());
        json.put("document", operation.document());
        return json;
    }

    /** An operation as operators read it: its name, or {@code (anonymous)}. */
    static String name(OperationTotal operation) {
        return operation.name().isEmpty() ? "(anonymous)" : operation.name();
    }

    /** The clients that sent an operation, most executions first. */
    static String clients(OperationTotal operation) {
        return operation.clients().stream().map(c -> c.label() + " ×" + c.count()).collect(Collectors.joining(", "));
    }

    private String days() {
        return usageDays == 1 ? "day" : usageDays + " days";
    }

    private static void section(PrintWriter out, String title, List<String[]> rows, String... headers) {
        out.println(title + ": " + (rows.isEmpty() ? "none" : rows.size()));
        if (!rows.isEmpty()) {
            Table table = Table.of(headers);
            rows.forEach(row -> table.row((Object[]) row));
            table.print(out);
        }
        out.println();
    }

    private static Map<String, String> diagnostic(Diagnostic d) {
        return Map.of("severity", d.severity().name(), "code", d.code(), "where", d.where(), "message", d.message());
    }
}
