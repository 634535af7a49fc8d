package io.tributary.aggregator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the aggregator does when its stream thread dies. Kafka's clients give up on some passing broker states: after
 * a broker pause, a group coordinator still loading its state answers SyncGroup with an error the consumer does not
 * retry ("Unexpected error from SyncGroup: The coordinator is loading"), and the thread dies of it. Records never kill
 * the thread (the processing and production handlers reject them), so a death is the client's or the broker's: a few in
 * a while are replaced by a new thread, which rejoins the group and resumes from the last commit, exactly once; more,
 * and the client shuts down, for {@code onShutdown} and then a supervisor to restart the process.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    /** How many deaths in {@link #WINDOW} get a new thread. */
    static final int REPLACEMENTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final InstantSource clock;
    private final Consumer<Throwable> onShutdown;
    private final Deque<Instant> replaced = new ArrayDeque<>();

    StreamThreadFailures(InstantSource clock, Consumer<Throwable> onShutdown) {
        this.clock = clock;
        this.onShutdown = onShutdown;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replaced.isEmpty() && !replaced.peekFirst().isAfter(now.minus(WINDOW))) {
            replaced.pollFirst();
        }
        if (replaced.size() < REPLACEMENTS) {
            replaced.addLast(now);
            LOG.warn("The aggregator's stream thread died ({} of {} replaced in {}); starting a new one, which resumes from the last commit",
                    replaced.size(), REPLACEMENTS, WINDOW, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("The aggregator's stream thread died again, after {} replacements in {}; shutting the client down", REPLACEMENTS, WINDOW,
                exception);
        onShutdown.accept(exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
