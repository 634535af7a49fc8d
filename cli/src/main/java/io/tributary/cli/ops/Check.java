package io.tributary.cli.ops;

import io.tributary.avro.RecordReplay;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.usage.DeployCheck;
import io.tributary.usage.OperationTotal;
import io.tributary.usage.UsageVerdict;
import io.tributary.usage.UsageWindow;
import io.tributary.view.LogReplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        return shared().judge(live, usage, now);
    }

    /** The check the console runs too, so both say the same. */
    private DeployCheck shared() {
        return new DeployCheck(service, resources, operations, usageDays);
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
            section(out, "Operations this breaks", verdict.broken().stream().map(b -> new String[] {DeployCheck.name(b.operation()),
                    b.operation().hash().substring(0, 12), DeployCheck.clients(b.operation()), String.valueOf(b.operation().count()),
                    b.reasons().getFirst()}).toList(), "OPERATION", "HASH", "CLIENTS", "COUNT", "REASON");
        }
        out.println(shared().summary(verdict));
        out.flush();
    }

    /** The verdict as one JSON document, with the same content as the tables: {@link DeployCheck#document}. */
    public void printJson(PrintWriter out, Outcome outcome) throws IOException {
        JsonOutput.print(out, shared().document(outcome.verdict(), outcome.usageKnown()));
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
}
