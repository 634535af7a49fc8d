package io.tributary.cli.bench;

import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.SyntheticGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 1, propagation end to end: a broker, an aggregator and two gateways each in a JVM of its own as
 * {@code tributary kafka}, {@code tributary aggregator} and {@code tributary gateway} run them, a {@link SyntheticGraph}
 * loaded, then a series of changes ({@link Fleet}), one at a time. Each change is timed from its catalog record's
 * timestamp (the publisher's clock, or the aggregator's for an expiry) to the moment each gateway swapped in the view
 * it caused, as the gateway reports it on the gateway-status topic ({@code appliedAt}; the same machine's clock).
 */
final class PropagationRun {
    private static final Duration PER_CHANGE = Duration.ofMinutes(3);
    private static final List<String> GATEWAYS = List.of("bench-gateway-1", "bench-gateway-2");
    private static final Pattern BROKER_READY = Pattern.compile("Kafka broker ready at (\\S+?);");

    /** What to run: the graph, and how many changes are made before measuring (warm-up) and measured. */
    record Settings(String name, SyntheticGraph graph, int warmUpChanges, int changes) {
    }

    /** One change, measured: when its record was written, when its view was readable, when each gateway served it. */
    record Measured(String kind, long version, Instant written, Instant viewReadable, List<Instant> served) {
        long worstMillis() {
            return served.stream().mapToLong(at -> Duration.between(written, at).toMillis()).max().orElseThrow();
        }
    }

    private final Settings settings;

    PropagationRun(Settings settings) {
        this.settings = settings;
    }

    /** Runs the benchmark and prints its figures; answers every measured change, each served by both gateways. */
    List<Measured> run(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (PartProcess broker = PartProcess.start("kafka", dir, List.of("kafka", "--port", String.valueOf(PartProcess.freePort())))) {
            String bootstrap = awaitUntil("the broker", List.of(broker), Duration.ofMinutes(2), () -> readyAt(dir.resolve("kafka.log")));
            return run(dir, bootstrap, broker);
        }
    }

    /** Where the broker's log says it is ready, once it says so. */
    private static String readyAt(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        Matcher ready = BROKER_READY.matcher(Files.readString(log));
        return ready.find() ? ready.group(1) : null;
    }

    private List<Measured> run(Path dir, String bootstrap, PartProcess broker) throws Exception {
        Topics topics = new Topics("propagation-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        List<Measured> measured = new ArrayList<>();
        String loadBefore = loadAverage();
        try (PartProcess aggregator = PartProcess.start("aggregator", dir, List.of("aggregator", "--bootstrap", bootstrap,
                "--topic-prefix", topics.prefix(), "--application-id", topics.prefix(), "--state-dir", dir.resolve("state").toString(),
                "--http-port", String.valueOf(PartProcess.freePort())));
             PartProcess first = gateway(dir, bootstrap, topics, GATEWAYS.get(0));
             PartProcess second = gateway(dir, bootstrap, topics, GATEWAYS.get(1));
             TopicWatch watch = new TopicWatch(bootstrap, topics);
             Fleet fleet = new Fleet(settings.graph(), bootstrap, topics)) {
            List<PartProcess> parts = List.of(broker, aggregator, first, second);
            long started = System.nanoTime();
            fleet.load();
            int services = settings.graph().services();
            long loaded = awaitUntil("the loaded graph", parts, Duration.ofMinutes(15),
                    () -> watch.latest().filter(v -> v.services() == services).map(TopicWatch.ViewSeen::version).orElse(null));
            awaitServed(watch, parts, loaded);
            System.out.printf("%s: %d services, %d resources loaded and served by both gateways in %d s%n", settings.name(), services,
                    settings.graph().resources(), (System.nanoTime() - started) / 1_000_000_000);
            int done = 0;
            long last = loaded;
            while (done < settings.warmUpChanges() + settings.changes()) {
                for (Fleet.Change change : fleet.nextCycle()) {
                    Measured one = make(change, last, watch, parts);
                    last = one.version();
                    if (done++ >= settings.warmUpChanges()) {
                        measured.add(one);
                    }
                }
            }
            print(measured, aggregator, first, loadBefore);
            PartLogs.print(dir, "aggregator", GATEWAYS, measured.stream().map(Measured::version).toList());
        }
        return measured;
    }

    private static PartProcess gateway(Path dir, String bootstrap, Topics topics, String id) throws Exception {
        return PartProcess.start(id, dir, List.of("gateway", "--bootstrap", bootstrap, "--port", String.valueOf(PartProcess.freePort()),
                "--topic-prefix", topics.prefix(), "--gateway-id", id, "--cache-dir", dir.resolve(id + "-cache").toString()));
    }

    /**
     * Makes the change, waits for its view (the first after the last change's: an expiry may already have come while
     * the gateways were still building the crashed deploy's view) and for both gateways to serve it.
     */
    private Measured make(Fleet.Change change, long before, TopicWatch watch, List<PartProcess> parts) {
        String instance = change.action().get();
        // The watch decodes a view when asked for it: asking once the gateways serve a newer one keeps its decoding
        // (megabytes at Coursera scale) off the cores the gateways build on.
        awaitServed(watch, parts, before + 1);
        TopicWatch.ViewSeen view = awaitUntil(change.kind() + " of " + instance, parts, PER_CHANGE, () -> watch.view(v -> v.version() > before
                && v.cause().key().equals(instance) && v.cause().kind() == change.event()).orElse(null));
        List<Instant> served = awaitServed(watch, parts, view.version());
        Instant written = awaitUntil("the catalog record at " + view.cause().offset(), parts, PER_CHANGE,
                () -> watch.catalogTimestamp(view.cause().offset()).orElse(null));
        return new Measured(change.kind(), view.version(), written, view.readAt(), served);
    }

    private static List<Instant> awaitServed(TopicWatch watch, List<PartProcess> parts, long version) {
        List<Instant> served = new ArrayList<>();
        for (String gateway : GATEWAYS) {
            served.add(awaitUntil(gateway + " serving view " + version, parts, PER_CHANGE,
                    () -> watch.servedSince(gateway, version).orElse(null)));
        }
        return served;
    }

    private static <T> T awaitUntil(String what, List<PartProcess> parts, Duration atMost, java.util.concurrent.Callable<T> value) {
        List<T> found = new ArrayList<>(1);
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(20))
                .failFast("a part exited; see its log", () -> parts.stream().anyMatch(p -> !p.alive()))
                .until(() -> {
                    T result = value.call();
                    if (result != null) {
                        found.add(result);
                    }
                    return result != null;
                });
        return found.getFirst();
    }

    private void print(List<Measured> measured, PartProcess aggregator, PartProcess gateway, String loadBefore) throws Exception {
        System.out.printf("%s: %d changes measured (after %d of warm-up), %d services, %d resources%n", settings.name(),
                measured.size(), settings.warmUpChanges(), settings.graph().services(), settings.graph().resources());
        System.out.printf("aggregator flags: %s%ngateway flags: %s%n", String.join(" ", aggregator.flags), String.join(" ", gateway.flags));
        System.out.printf("load average before: %s, after: %s%n", loadBefore, loadAverage());
        System.out.printf("| changes | n | record → each gateway serving: p50 / p99 / max ms | record → view readable p50 ms"
                + " | view readable → gateway serving p50 ms |%n|---|---|---|---|---|%n");
        Map<String, List<Measured>> byKind = new LinkedHashMap<>();
        byKind.put("all", measured);
        measured.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        byKind.forEach((kind, rows) -> {
            List<Long> total = millis(rows, m -> m.served().stream().map(at -> Duration.between(m.written(), at)).toList());
            List<Long> toView = millis(rows, m -> List.of(Duration.between(m.written(), m.viewReadable())));
            List<Long> toGateway = millis(rows, m -> m.served().stream().map(at -> Duration.between(m.viewReadable(), at)).toList());
            System.out.printf("| %s | %d | %d / %d / %d | %d | %d |%n", kind, rows.size(), quantile(total, 0.5), quantile(total, 0.99),
                    total.getLast(), quantile(toView, 0.5), quantile(toGateway, 0.5));
        });
        List<Long> worst = measured.stream().map(Measured::worstMillis).sorted().toList();
        System.out.printf("record → both gateways serving (the later of the two): p50 %d, p99 %d, max %d ms%n",
                quantile(worst, 0.5), quantile(worst, 0.99), worst.getLast());
    }

    private static List<Long> millis(List<Measured> rows, Function<Measured, List<Duration>> durations) {
        return rows.stream().flatMap(m -> durations.apply(m).stream()).map(Duration::toMillis).sorted().toList();
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    static long quantile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
