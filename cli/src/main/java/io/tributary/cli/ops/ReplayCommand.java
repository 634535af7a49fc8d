package io.tributary.cli.ops;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.ViewJson;
import io.tributary.avro.TributarySerdes;
import io.tributary.compose.CompositionSettings;
import io.tributary.curation.CurationRule;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.lint.LintSettings;
import io.tributary.view.Cause;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary replay}: re-folds the catalog and curation topics with the same core code as the aggregator and
 * prints the schema as it was at any point; replayed to the end it reproduces the live view's hash.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-fold the log and print the schema as it was (SDL, or --json for the whole view).")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;
    @Option(names = "--graph", defaultValue = "default", description = "The graph (default: ${DEFAULT-VALUE}).")
    String graph;
    @Option(names = "--until", paramLabel = "TIME", description = "Replay events up to this instant (ISO-8601), inclusive.")
    String until;
    @Option(names = "--until-offset", paramLabel = "N", description = "Replay the catalog topic up to this offset, inclusive.")
    Long untilOffset;
    @Option(names = "--from", paramLabel = "TIME", description = "Fold only events from this instant on (what those events alone compose).")
    String from;
    @Option(names = "--from-offset", paramLabel = "N", description = "Fold only catalog events from this offset on.")
    Long fromOffset;
    @Option(names = "--pagination", defaultValue = "both", description = "The aggregator's pagination setting: relay, offset or both (default: ${DEFAULT-VALUE}).")
    String pagination;
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
        LogReplay replay = new LogReplay(new ViewFold(graph,
                new CompositionSettings(CompositionSettings.PaginationMode.valueOf(pagination.toUpperCase(Locale.ROOT))),
                LintSettings.DEFAULT));
        int applied = 0;
        try (TopicLog log = new TopicLog(kafka.clientProperties())) {
            List<ConsumerRecord<String, byte[]>> events = new ArrayList<>(log.readAll(kafka.topics().catalog()));
            events.addAll(log.readAll(kafka.topics().curation()));
            events.sort(Comparator.comparingLong(ConsumerRecord<String, byte[]>::timestamp)
                    .thenComparing(r -> r.topic().equals(kafka.topics().catalog()) ? 0 : 1)
                    .thenComparingLong(ConsumerRecord::offset));
            for (ConsumerRecord<String, byte[]> event : events) {
                boolean catalog = event.topic().equals(kafka.topics().catalog());
                if (limit != null && Instant.ofEpochMilli(event.timestamp()).isAfter(limit)
                        || untilOffset != null && catalog && event.offset() > untilOffset) {
                    break;
                }
                if (start != null && Instant.ofEpochMilli(event.timestamp()).isBefore(start)
                        || fromOffset != null && catalog && event.offset() < fromOffset) {
                    continue;
                }
                apply(replay, event, catalog);
                if (++applied % 10_000 == 0) {
                    err.printf("replayed %d of %d events%n", applied, events.size());
                    err.flush();
                }
            }
        }
        SchemaView view = replay.current().orElseThrow(() -> new OperatorException("no view: nothing was published before that point"));
        err.printf("replayed %d events: view %d, hash %s%n", applied, view.version(), view.hash());
        err.flush();
        out.print(json ? ViewJson.view(view) : view.sdl());
        out.flush();
        return 0;
    }

    private void apply(LogReplay replay, ConsumerRecord<String, byte[]> event, boolean catalog) {
        Instant at = Instant.ofEpochMilli(event.timestamp());
        if (event.key() == null) {
            return;
        }
        try {
            if (catalog) {
                ServiceCatalog published = event.value() == null ? null
                        : TributarySerdes.catalog().deserializer().deserialize(event.topic(), event.value());
                replay.apply(event.key(), published, cause(event, CatalogEvents.kind(event.value(), event.headers())), at);
            } else {
                CurationRule rule = event.value() == null ? null
                        : TributarySerdes.curation().deserializer().deserialize(event.topic(), event.value());
                if (rule == null || rule.id().equals(event.key())) {
                    replay.curate(event.key(), rule, cause(event, Cause.EventKind.CURATED), at);
                }
            }
        } catch (RuntimeException e) {
            // The aggregator rejected this event too: it changed nothing then, and changes nothing now.
        }
    }

    private static Cause cause(ConsumerRecord<String, byte[]> event, Cause.EventKind kind) {
        return new Cause(event.topic(), event.partition(), event.offset(), event.key(), kind);
    }
}
