package io.tributary.aggregator;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.TributarySerdes;
import io.tributary.text.Printable;
import io.tributary.view.Cause;
import io.tributary.view.FoldSettings;
import io.tributary.view.LogEvent;
import io.tributary.view.LogFold;
import io.tributary.view.LogFold.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the catalog log, record by record in offset order, with the core's {@link LogFold}: the same fold replay and
 * check run. What the fold cannot use goes out rejected with its reason and original bytes; a fold that throws is
 * undone, logged loudly and rejected, and the stream goes on. Besides the fold, it renews leases (the wall clock is
 * the aggregator's business, not the fold's) and, once at start, writes its fold settings into the log when they
 * differ from those in force, so the change is an event every fold of the log sees at the same place.
 */
final class LogFoldProcessor implements Processor<byte[], byte[], String, FoldOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(LogFoldProcessor.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LogFold fold;
    private final FoldSettings settings;
    private final AggregatorMetrics metrics;
    private ProcessorContext<String, FoldOutput> context;
    private StoreFoldMemory memory;
    private KeyValueStore<String, String> leases;
    private Cancellable settingsCheck;

    LogFoldProcessor(String graph, FoldSettings settings, AggregatorMetrics metrics) {
        this.fold = new LogFold(graph);
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutput> context) {
        this.context = context;
        this.memory = new StoreFoldMemory(fold.graph(), context);
        this.leases = context.getStateStore(AggregatorStores.LEASES);
        settingsCheck = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, this::writeSettingsIfChanged);
    }

    private void writeSettingsIfChanged(long now) {
        settingsCheck.cancel();
        if (!memory.settings().equals(settings)) {
            LOG.info("Writing this aggregator's fold settings to the log: {}", settings);
            context.forward(new Record<>(null, new FoldOutput.Relayed(CatalogEvents.settingsKey(fold.graph()),
                    TributarySerdes.foldSettings().serializer().serialize("", settings)), now, CatalogEvents.settingsHeaders()));
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        CatalogEvents.Decoded decoded = CatalogEvents.decode(record.key(), record.value(), record.headers());
        Cause cause = Causes.of(context, decoded.key() == null ? printableKey(record.key()) : decoded.causeKey(), decoded.event().kind());
        long started = System.currentTimeMillis();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Outcome outcome = metrics.fold().record(() -> fold.apply(decoded.event(), cause, Instant.ofEpochMilli(record.timestamp()), memory));
        long folded = System.currentTimeMillis() - started;
        long foldCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        switch (outcome) {
            case Outcome.Rejected rejected -> reject(record, rejected.reason());
            case Outcome.Failed failed -> {
                LOG.error("Folding the record with key {} failed; it is undone and rejected, and the last view keeps serving",
                        printableKey(record.key()), failed.error());
                reject(record, "folding failed: " + failed.error());
            }
            case Outcome.Blocked blocked -> {
                keepLease(decoded.event(), record);
                metrics.blocked();
                LOG.warn("The graph changed after {} {}, but lint errors keep it from becoming a view: {}", cause.kind(),
                        Printable.of(cause.key()), Printable.of(blocked.lintErrors().toString()));
            }
            case Outcome.Unchanged unchanged -> keepLease(decoded.event(), record);
            case Outcome.NewView newView -> {
                keepLease(decoded.event(), record);
                metrics.viewWritten(newView.view().failedServices().size());
                long forwarding = System.currentTimeMillis();
                context.forward(new Record<String, FoldOutput>(fold.graph(), new FoldOutput.NewView(newView.view()), record.timestamp()));
                LOG.info("View {} of graph {} ({}), caused by {} {}; folded in {} ms ({} ms of CPU) from {} ms after the record, sent in {} ms",
                        newView.view().version(), fold.graph(), newView.view().hash(), cause.kind(), Printable.of(cause.key()), folded, foldCpu,
                        started - record.timestamp(), System.currentTimeMillis() - forwarding);
            }
        }
    }

    /** A publication starts or renews the instance's lease; a retraction or expiry ends it. */
    private void keepLease(LogEvent event, Record<byte[], byte[]> record) {
        switch (event) {
            case LogEvent.Published published -> leases.put(published.key(),
                    new Leases(context.currentSystemTimeMs(), published.catalog().leaseMillis()).encode());
            case LogEvent.Retracted retracted -> leases.delete(retracted.key());
            default -> {
            }
        }
    }

    private void reject(Record<byte[], byte[]> record, String reason) {
        Rejection rejection = Rejection.at(context, record.key(), record.value(), reason);
        LOG.warn("Rejected the record with key {} at {}: {}", printableKey(record.key()), rejection.source(), rejection.reason());
        metrics.rejected();
        context.forward(new Record<String, FoldOutput>(null, new FoldOutput.Rejected(rejection), record.timestamp(), rejection.headers()));
    }

    /** A key for a log line: escaped text, or hex when it is not UTF-8. */
    static String printableKey(byte[] key) {
        return CatalogEvents.keyText(key).map(Printable::of).orElseGet(() -> Printable.hex(key, 64));
    }
}
