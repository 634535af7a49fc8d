package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds a catalog log in memory, event by event, with the {@link LogFold} the aggregator runs: what operators replay
 * to see the schema as it was at any offset, what check folds a proposed catalog onto, and what tests compare the
 * live views against. Events must come in the log's offset order; the settings come from the log itself.
 */
public final class LogReplay {
    private final LogFold fold;
    private final InMemoryFoldMemory memory;
    private long nextOffset;

    public LogReplay(String graph) {
        this(new LogFold(graph), new InMemoryFoldMemory(), 0);
    }

    private LogReplay(LogFold fold, InMemoryFoldMemory memory, long nextOffset) {
        this.fold = fold;
        this.memory = memory;
        this.nextOffset = nextOffset;
    }

    /** Applies the next event of the log. */
    public LogFold.Outcome apply(LogEvent event, Cause cause, Instant at) {
        nextOffset = cause.offset() + 1;
        return fold.apply(event, cause, at, memory);
    }

    /**
     * Applies an event that is not in the log (yet), such as the deploy {@code check} is asked about, as the log's next
     * record would be applied: at the offset it would get, so the first claims it makes are the ones it would make.
     */
    public LogFold.Outcome append(LogEvent event, String topic, Instant at) {
        return apply(event, new Cause(topic, 0, nextOffset, event.subject(), event.kind()), at);
    }

    /** The live instances as the fold sees them at this point of the log, in key order. */
    public List<ServiceCatalog> liveInstances() {
        return memory.instances();
    }

    /** The last view the log has made so far. */
    public Optional<SchemaView> current() {
        return memory.view();
    }

    /** An independent copy of this replay as it stands, to try an event on without changing this one. */
    public LogReplay copy() {
        return new LogReplay(new LogFold(fold.graph()), memory.copy(), nextOffset);
    }
}
