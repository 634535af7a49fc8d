package io.tributary.cli.ops;

import io.tributary.avro.RecordReplay;
import io.tributary.avro.ViewJson;
import io.tributary.text.Printable;
import io.tributary.view.LogFold;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary replay}: re-folds the catalog log with the one fold the aggregator runs, with the settings the log
 * carries, and prints the schema as it was at any point; replayed to the end it reproduces the live view's hash.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-fold the catalog log and print the schema as it was (SDL, or --json for the whole view).")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @Option(names = "--until", paramLabel = "TIME", description = "Replay events up to this instant (ISO-8601), inclusive.")
    String until;
    @Option(names = "--until-offset", paramLabel = "N", description = "Replay the catalog topic up to this offset, inclusive.")
    Long untilOffset;
    @Option(names = "--from", paramLabel = "TIME", description = "Fold only events from this instant on (what those events alone compose).")
    String from;
    @Option(names = "--from-offset", paramLabel = "N", description = "Fold only catalog events from this offset on.")
    Long fromOffset;
    @Option(names = "--json", description = "Print the whole view as JSON instead of its SDL.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant limit = until == null ? null : Views.instant(until);
        Instant start = from == null ? null : Views.instant(from);
        RecordReplay replay = new RecordReplay(options.graph());
        int[] applied = {0};
        int[] rejected = {0};
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            log.forEachRaw(options.kafka().topics().catalog(), event -> {
                if (limit != null && Instant.ofEpochMilli(event.timestamp()).isAfter(limit)
                        || untilOffset != null && event.offset() > untilOffset) {
                    return false;
                }
                if (start != null && Instant.ofEpochMilli(event.timestamp()).isBefore(start)
                        || fromOffset != null && event.offset() < fromOffset) {
                    return true;
                }
                LogFold.Outcome outcome = replay.apply(event.topic(), event.partition(), event.offset(), event.key(), event.value(),
                        event.headers(), event.timestamp());
                if (outcome instanceof LogFold.Outcome.Failed failed) {
                    err.printf("the fold failed at %s@%d (the aggregator rejected this event too): %s%n", event.topic(), event.offset(),
                            Printable.of(String.valueOf(failed.error())));
                }
                rejected[0] += outcome instanceof LogFold.Outcome.Rejected || outcome instanceof LogFold.Outcome.Failed ? 1 : 0;
                if (++applied[0] % 10_000 == 0) {
                    err.printf("replayed %d events, up to offset %d%n", applied[0], event.offset());
                    err.flush();
                }
                return true;
            });
        }
        SchemaView view = replay.current().orElseThrow(() -> new OperatorException("no view: nothing was published before that point"));
        err.printf("replayed %d events (%d rejected): view %d, hash %s%n", applied[0], rejected[0], view.version(), view.hash());
        err.flush();
        out.print(json ? ViewJson.view(view) : view.sdl());
        out.flush();
        return 0;
    }
}
