package io.tributary.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code connections} virtual threads each send one request after another for a fixed time,
 * bounded in count too. Each request is timed from send to the last byte of its answer.
 */
final class LoadLoop {
    /** One request; throws when the answer is not the expected one. */
    interface Request {
        void send() throws Exception;
    }

    /** What a run measured: answers, failures (with the first one's message), wall time, latency quantiles. */
    record Result(long requests, long failures, String firstFailure, Duration elapsed, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    private final int connections;
    private final long maxRequestsPerConnection;

    LoadLoop(int connections, long maxRequestsPerConnection) {
        this.connections = connections;
        this.maxRequestsPerConnection = maxRequestsPerConnection;
    }

    Result run(Request request, Duration duration) throws Exception {
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<Sampled>> workers = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                workers.add(threads.submit(() -> {
                    Sampled latencies = new Sampled();
                    for (long n = 0; n < maxRequestsPerConnection && System.nanoTime() < deadline; n++) {
                        long sent = System.nanoTime();
                        try {
                            request.send();
                            latencies.add(System.nanoTime() - sent);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                    return latencies;
                }));
            }
            List<Sampled> parts = new ArrayList<>();
            for (Future<Sampled> worker : workers) {
                parts.add(worker.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Sampled all = Sampled.merge(parts);
            return new Result(all.size(), failures.get(), firstFailure.get(), elapsed, all.quantileMillis(0.5), all.quantileMillis(0.99));
        }
    }
}
