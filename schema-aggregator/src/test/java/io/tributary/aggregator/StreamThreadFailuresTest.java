package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {
    private static final KafkaException LOADING =
            new KafkaException("Unexpected error from SyncGroup: The coordinator is loading and hence can't process requests.");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T06:00:00Z"));
    private final List<Throwable> shutdowns = new ArrayList<>();
    private final StreamThreadFailures failures = new StreamThreadFailures(now::get, shutdowns::add);

    @Test
    void shouldReplaceAThreadAClientErrorKilledAndShutDownOnlyWhenItKeepsDying() {
        for (int death = 1; death <= StreamThreadFailures.REPLACEMENTS; death++) {
            assertThat(failures.handle(LOADING)).as("death %d", death).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.set(now.get().plusSeconds(10));
        }
        assertThat(shutdowns).isEmpty();

        assertThat(failures.handle(LOADING)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(shutdowns).containsExactly(LOADING);
    }

    @Test
    void shouldReplaceAgainOnceEarlierDeathsAreOutOfTheWindow() {
        for (int death = 1; death <= StreamThreadFailures.REPLACEMENTS; death++) {
            failures.handle(LOADING);
        }
        now.set(now.get().plus(StreamThreadFailures.WINDOW));

        assertThat(failures.handle(LOADING)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(shutdowns).isEmpty();
    }
}
