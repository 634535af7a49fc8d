package io.tributary.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.cli.chaos.ChaosReport.Recovery;
import io.tributary.cli.chaos.PoisonRecords.Outcome;
import io.tributary.cli.chaos.PoisonRecords.Poison;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's chaos test: the whole system as separate processes from the packaged jar (a broker, the aggregator, two
 * gateways and the courses service) on a real broker, with clients sending queries and mutations through both
 * gateways throughout, while the test pauses the broker, SIGKILLs the aggregator mid-burst of catalog changes,
 * starts a gateway while the broker is down, injects poison records, rolls courses back and forward with a real v1
 * instance, and drives 100 schema swaps. It reports figures
 * (printed and written to {@code target/chaos-report.md}) and asserts that nothing was lost or failed, never timings.
 *
 * <p>System properties shorten a local run: {@code chaos.pause.seconds} (30), {@code chaos.outage.seconds} (10),
 * {@code chaos.swaps} (100), {@code chaos.clients} per gateway (3), {@code chaos.pacing.ms} between two requests of
 * a client (20).
 */
class ChaosIT {
    private static final Duration PAUSE = Duration.ofSeconds(Integer.getInteger("chaos.pause.seconds", 30));
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("chaos.outage.seconds", 10));
    private static final int SWAPS = Integer.getInteger("chaos.swaps", 100);
    private static final int CLIENTS_PER_GATEWAY = Integer.getInteger("chaos.clients", 3);
    private static final Duration PACING = Duration.ofMillis(Integer.getInteger("chaos.pacing.ms", 20));
    /** The publisher's default, which the courses example keeps: its lease is 30 s. */
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    private static final int BURST = 20;
    private static final Duration BURST_PACING = Duration.ofMillis(50);
    private static final Duration START_BOUND = Duration.ofSeconds(120);
    private static final Duration FOLLOW_BOUND = Duration.ofSeconds(60);
    private static final Duration SWAP_BOUND = Duration.ofSeconds(30);
    private static final Pattern KAFKA_READY = Pattern.compile("Kafka broker ready at ([^\\s;(]+)");
    private static final Pattern AGGREGATOR_READY = Pattern.compile("(Aggregator folding)");
    private static final Pattern EXAMPLE_READY = Pattern.compile("is serving at (\\S+)");
    private static final Pattern GATEWAY_READY = Pattern.compile("Gateway serving graph \\S+ from \\S+ at (\\S+)");
    private static final String GATEWAY_A = "gateway-a";
    private static final String GATEWAY_B = "gateway-b";

    private final Path logs = Path.of("target", "chaos");
    private final Topics topics = Topics.withDefaultPrefix();
    private final Deque<JarProcess> processes = new ArrayDeque<>();
    private final GatewayProbe probe = new GatewayProbe();
    private final ChaosReport report = new ChaosReport();
    private final Map<String, URI> gateways = new LinkedHashMap<>();
    private final Map<String, Integer> gatewayPorts = new LinkedHashMap<>();
    private final Set<String> notFollowing = new LinkedHashSet<>();
    private JarProcess kafka;
    private JarProcess aggregator;
    private String bootstrap;
    private String coursesUrl;

    @AfterEach
    void stopEveryProcess() {
        while (!processes.isEmpty()) {
            processes.pop().close();
        }
    }

    @Test
    void shouldAnswerEveryRequestAndServeEveryViewThroughPauseCrashOutagePoisonAndSwaps() throws Exception {
        startSystem();
        List<Outcome> rejected;
        boolean doomedRetracted;
        boolean rollback;
        ViewVersions versions;
        List<String> expiries;
        Traffic traffic = new Traffic(gateways, CLIENTS_PER_GATEWAY, PACING);
        try (CatalogChanges changes = new CatalogChanges(bootstrap, topics, coursesUrl)) {
            try (traffic) {
                awaitEveryGateway("the first probes revision", CatalogChanges.marker(changes.nextRevision()), FOLLOW_BOUND);
                pauseBrokerUnderLoad(traffic, changes);
                killAggregatorMidBurst(changes);
                startGatewayDuringOutage(traffic, changes);
                String doomed = changes.publishDoomed();
                awaitEveryGateway("the doomed service", "type Doomed", FOLLOW_BOUND);
                Map<Poison, Long> poisons = injectPoison(changes, doomed);
                doomedRetracted = gateways.values().stream().allMatch(uri -> serves(uri, sdl -> !sdl.contains("type Doomed")));
                rejected = awaitRejected(poisons);
                rollback = rollbackAndRollForward();
                swapUnderLoad(changes);
            }
            List<SchemaView> history = history();
            versions = new ViewVersions(history.stream().map(SchemaView::version).toList());
            report.versions(versions);
            expiries = history.stream().filter(view -> view.cause() != null && view.cause().kind() == Cause.EventKind.EXPIRED)
                    .map(view -> "view " + view.version() + " expired " + view.cause().key()).toList();
            report.expiries(expiries);
            awaitEveryGateway("the last view, version " + versions.last(), versions.last());
        } finally {
            gateways.keySet().forEach(this::recordSwaps);
            report.traffic(traffic);
            String markdown = report.markdown();
            System.out.println(markdown);
            report.write(Path.of("target", "chaos-report.md"));
        }

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(traffic.failed()).as("failed requests (see target/chaos-report.md)").isZero();
        softly.assertThat(traffic.sent()).as("requests sent").isPositive();
        softly.assertThat(versions.missing()).as("view versions missing").isEmpty();
        softly.assertThat(versions.duplicated()).as("view versions duplicated").isEmpty();
        softly.assertThat(versions.outOfOrder()).as("views out of order").isZero();
        softly.assertThat(expiries).as("live instances the aggregator expired (every one heartbeats or has a 2 h lease)").isEmpty();
        softly.assertThat(report.recoveries()).as("every gateway served the next view after each fault")
                .allSatisfy(recovery -> assertThat(recovery.nextViewEverywhere()).as(recovery.fault()).isPresent());
        softly.assertThat(notFollowing).as("gateways that stopped following the views").isEmpty();
        softly.assertThat(rejected).as("poison records accounted for on " + topics.catalogRejected()).hasSize(4);
        softly.assertThat(doomedRetracted).as("the null-marker tombstone retracted the doomed service").isTrue();
        softly.assertThat(rollback).as("every gateway followed a courses v1 instance's arrival and departure").isTrue();
        softly.assertThat(report.swaps()).as("swaps seen per gateway").allSatisfy((gateway, swaps) ->
                assertThat(swaps).as(gateway).isGreaterThanOrEqualTo(SWAPS));
        softly.assertAll();
    }

    private void startSystem() throws IOException {
        deleteRecursively(logs);
        kafka = launch("kafka", "kafka", "--port", "0", "--create-topics");
        bootstrap = kafka.awaitOutput(KAFKA_READY, START_BOUND);
        aggregator = startAggregator("aggregator-1");
        JarProcess courses = launch("courses", "example", "courses", "--bootstrap", bootstrap, "--port", "0");
        List<JarProcess> started = new ArrayList<>();
        for (String gateway : List.of(GATEWAY_A, GATEWAY_B)) {
            gatewayPorts.put(gateway, freePort());
            gateways.put(gateway, URI.create("http://localhost:" + gatewayPorts.get(gateway)));
            report.swaps(gateway, 0);
            started.add(startGateway(gateway));
        }
        started.forEach(gateway -> gateway.awaitOutput(GATEWAY_READY, START_BOUND));
        aggregator.awaitOutput(AGGREGATOR_READY, START_BOUND);
        coursesUrl = courses.awaitOutput(EXAMPLE_READY, START_BOUND);
        report.setting("processes", "broker, aggregator, courses, " + gateways.keySet() + ", each its own JVM from target/tributary.jar");
        report.setting("clients", CLIENTS_PER_GATEWAY + " per gateway (2 of 3 query, 1 mutates), " + PACING.toMillis() + " ms between requests");
        report.setting("broker pause", PAUSE.toSeconds() + " s, starting " + HEARTBEAT_INTERVAL.minusSeconds(1).toSeconds()
                + " s after a heartbeat of the courses instance; outage while a gateway starts: " + OUTAGE.toSeconds() + " s");
        report.setting("swaps driven", SWAPS + " (plus a burst of " + BURST + " catalog changes around the aggregator's SIGKILL)");
        awaitEveryGateway("the courses service", "courseUpdateTitle", START_BOUND);
    }

    /**
     * Fault a: the broker stops (SIGSTOP) under load; the gateways keep answering from their current graph. The pause
     * starts just before the courses instance's next heartbeat is due, the worst moment for its lease.
     */
    private void pauseBrokerUnderLoad(Traffic traffic, CatalogChanges changes) throws InterruptedException {
        long heartbeats = TopicRecords.committedEnd(bootstrap, topics.heartbeat());
        await("the courses instance's next heartbeat").atMost(HEARTBEAT_INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> TopicRecords.committedEnd(bootstrap, topics.heartbeat()) > heartbeats);
        Thread.sleep(HEARTBEAT_INTERVAL.minusSeconds(1)); // places the fault, not a synchronization
        long answeredBefore = traffic.sent() - traffic.failed();
        Instant start = Instant.now();
        kafka.pause();
        try {
            // The pause's length, checked at its end: requests were answered while the broker was silent.
            await("requests answered while the broker is paused").pollDelay(PAUSE).atMost(PAUSE.plusSeconds(30))
                    .until(() -> traffic.sent() - traffic.failed() > answeredBefore);
        } finally {
            kafka.resume();
        }
        recovery("a. broker paused " + PAUSE.toSeconds() + " s (SIGSTOP, then SIGCONT) under load", start, Instant.now(), changes.nextRevision(),
                "a catalog change published at SIGCONT");
    }

    /** Fault b: the aggregator is SIGKILLed in the middle of a burst of catalog changes; a replacement takes over. */
    private void killAggregatorMidBurst(CatalogChanges changes) throws InterruptedException {
        int last = 0;
        Instant killed = null;
        long viewsAtKill = 0;
        for (int i = 1; i <= BURST; i++) {
            last = changes.nextRevision();
            if (i == BURST / 2) {
                aggregator.kill();
                killed = Instant.now();
                viewsAtKill = TopicRecords.committedEnd(bootstrap, topics.schemaHistory());
            }
            Thread.sleep(BURST_PACING); // the burst's rate, not a synchronization
        }
        aggregator = startAggregator("aggregator-2");
        Instant replaced = Instant.now();
        long before = viewsAtKill;
        try {
            await("a view from the replacement aggregator").atMost(FOLLOW_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> TopicRecords.committedEnd(bootstrap, topics.schemaHistory()) > before);
            report.setting("aggregator failover", "the replacement's first view committed "
                    + ChaosReport.seconds(Duration.between(killed, Instant.now())) + " after the SIGKILL (its JVM start included)");
        } catch (ConditionTimeoutException e) {
            report.setting("aggregator failover", "no view committed within " + FOLLOW_BOUND.toSeconds() + " s of the SIGKILL");
        }
        recovery("b. aggregator SIGKILLed mid-burst of " + BURST + " catalog changes; replacement started", killed, replaced, last,
                "replacement launched %s after the SIGKILL; its JVM start is in the time".formatted(ChaosReport.seconds(Duration.between(killed, replaced))));
    }

    /**
     * Fault c: gateway b stops, misses a view, and starts again while the broker is paused; it must serve its cached
     * view meanwhile and follow the cluster once the broker is back.
     */
    private void startGatewayDuringOutage(Traffic traffic, CatalogChanges changes) {
        Instant stopping = Instant.now();
        traffic.takeOutOfRotation(GATEWAY_B);
        recordSwaps(GATEWAY_B);
        JarProcess stopped = processes.stream().filter(p -> p.name().equals(GATEWAY_B)).findFirst().orElseThrow();
        assertThat(stopped.stop(Duration.ofSeconds(30))).as("gateway b stops on SIGTERM").isTrue();
        processes.remove(stopped);
        int missed = changes.nextRevision();
        awaitServes(GATEWAY_A, CatalogChanges.marker(missed));
        Instant start = Instant.now();
        kafka.pause();
        try {
            startGateway(GATEWAY_B).awaitOutput(GATEWAY_READY, START_BOUND);
            await("gateway b serving its cached view while the broker is paused").pollDelay(OUTAGE).atMost(START_BOUND)
                    .until(() -> probe.served(gateways.get(GATEWAY_B)).isPresent());
            traffic.putBackInRotation(GATEWAY_B);
        } finally {
            kafka.resume();
        }
        recovery("c. gateway b started while the broker was paused", stopping, Instant.now(), changes.nextRevision(),
                "it missed revision " + missed + " while stopped; a catalog change published at SIGCONT");
    }

    /** Fault d: poison records on the catalog topic; the views keep flowing. */
    private Map<Poison, Long> injectPoison(CatalogChanges changes, String doomed) {
        PoisonRecords poison = new PoisonRecords();
        Instant start = Instant.now();
        Map<Poison, Long> offsets = poison.send(bootstrap, topics, poison.records(doomed, changes.encodedCurrentRevision()));
        recovery("d. " + offsets.size() + " poison records injected on " + topics.catalog(), start, Instant.now(), changes.nextRevision(),
                "a catalog change published after the last poison record");
        return offsets;
    }

    private List<Outcome> awaitRejected(Map<Poison, Long> offsets) {
        long expected = offsets.keySet().stream().filter(Poison::rejected).count();
        List<Outcome> found = new ArrayList<>();
        try {
            await("poison records on " + topics.catalogRejected()).atMost(FOLLOW_BOUND).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        found.clear();
                        found.addAll(PoisonRecords.accountedFor(offsets, TopicRecords.readAll(bootstrap, topics.catalogRejected()), topics));
                        return found.size() == expected;
                    });
        } catch (ConditionTimeoutException e) {
            // Reported below: each poison record missing from the rejected topic is listed as such.
        }
        offsets.forEach((poison, offset) -> report.poison("| %s (offset %d) | %s |".formatted(poison.kind(), offset, !poison.rejected()
                ? "a retraction: the doomed service left the graph"
                : found.stream().filter(o -> o.poison() == poison).findFirst()
                        .map(o -> "on " + topics.catalogRejected() + ", original key bytes kept: " + o.reason())
                        .orElse("**not on " + topics.catalogRejected() + "**"))));
        return List.copyOf(found);
    }

    /**
     * A real rollback under load, from the publisher inside a service: a courses v1 instance joins, so
     * {@code durationMinutes} leaves the graph, then stops (SIGTERM, it retracts), so it comes back.
     */
    private boolean rollbackAndRollForward() {
        Instant start = Instant.now();
        JarProcess v1 = launch("courses-v1", "example", "courses", "--variant", "v1", "--bootstrap", bootstrap, "--port", "0");
        v1.awaitOutput(EXAMPLE_READY, START_BOUND);
        boolean rolledBack = awaitEveryGateway("courses v1 and v2 side by side", uri -> serves(uri,
                sdl -> sdl.contains("courseUpdateTitle") && !sdl.contains("durationMinutes")), FOLLOW_BOUND);
        Instant stopped = Instant.now();
        boolean retracted = v1.stop(Duration.ofSeconds(30));
        processes.remove(v1);
        boolean rolledForward = retracted && awaitEveryGateway("courses v2 alone again", "durationMinutes", FOLLOW_BOUND);
        report.window("the rollback, a courses v1 instance joining and leaving", start, Instant.now());
        report.setting("rollback", rolledBack && rolledForward
                ? "a courses v1 instance joined and left under load; every gateway served v2 alone again "
                        + ChaosReport.seconds(Duration.between(stopped, Instant.now())) + " after its SIGTERM"
                : "**a gateway did not follow a courses v1 instance's arrival or departure**");
        return rolledBack && rolledForward;
    }

    /** Fault e: schema swaps under queries and mutations, each awaited on every gateway. */
    private void swapUnderLoad(CatalogChanges changes) {
        Instant start = Instant.now();
        for (int i = 1; i <= SWAPS; i++) {
            int revision = changes.nextRevision();
            if (!awaitEveryGateway("swap " + i, CatalogChanges.marker(revision), SWAP_BOUND)) {
                report.setting("swap phase", "stopped at swap " + i + ": not every gateway served revision " + revision);
                return;
            }
        }
        report.setting("swap phase", SWAPS + " swaps in " + ChaosReport.seconds(Duration.between(start, Instant.now())));
    }

    /** Adds the swaps a gateway process has made to its count (a restarted gateway counts from zero again). */
    private void recordSwaps(String gateway) {
        try {
            report.swaps(gateway, probe.swaps(gateways.get(gateway)));
        } catch (IllegalStateException e) {
            report.setting("swaps of " + gateway, "unknown: " + e.getMessage());
        }
    }

    /** Awaits {@code revision} on every gateway; records how long after the fault's end that took, and the fault's window. */
    private void recovery(String fault, Instant started, Instant ended, int revision, String note) {
        boolean followed = awaitEveryGateway(fault, CatalogChanges.marker(revision), FOLLOW_BOUND);
        Optional<Duration> took = followed ? Optional.of(Duration.between(ended, Instant.now())) : Optional.empty();
        report.window("fault " + fault.substring(0, fault.indexOf('.')), started, Instant.now());
        report.recovered(new Recovery(fault, took, note + (followed ? "" : "; not following: " + notFollowing)));
    }

    /** Waits until every gateway still following serves an SDL containing {@code text}; marks the ones that do not. */
    private boolean awaitEveryGateway(String what, String text, Duration atMost) {
        return awaitEveryGateway(what, uri -> serves(uri, sdl -> sdl.contains(text)), atMost);
    }

    private void awaitEveryGateway(String what, long version) {
        awaitEveryGateway(what, uri -> probe.served(uri).map(served -> served.version() == version).orElse(false), FOLLOW_BOUND);
    }

    private boolean awaitEveryGateway(String what, Predicate<URI> serving, Duration atMost) {
        List<Map.Entry<String, URI>> followers = gateways.entrySet().stream().filter(e -> !notFollowing.contains(e.getKey())).toList();
        if (followers.isEmpty()) {
            return false;
        }
        try {
            await("every gateway serving " + what).atMost(atMost).pollInterval(Duration.ofMillis(50))
                    .until(() -> followers.stream().allMatch(e -> serving.test(e.getValue())));
            return true;
        } catch (ConditionTimeoutException e) {
            followers.stream().filter(f -> !serving.test(f.getValue())).forEach(f -> notFollowing.add(f.getKey()));
            return false;
        }
    }

    private void awaitServes(String gateway, String text) {
        await(gateway + " serving " + text).atMost(FOLLOW_BOUND).pollInterval(Duration.ofMillis(50))
                .until(() -> serves(gateways.get(gateway), sdl -> sdl.contains(text)));
    }

    private boolean serves(URI gateway, Predicate<String> sdl) {
        return probe.served(gateway).map(served -> sdl.test(served.sdl())).orElse(false);
    }

    /** Every view on the history topic, in log order. */
    private List<SchemaView> history() {
        return TopicRecords.readAll(bootstrap, topics.schemaHistory()).stream()
                .map(record -> TributarySerdes.view().deserializer().deserialize(topics.schemaHistory(), record.value()))
                .toList();
    }

    private JarProcess startAggregator(String name) {
        return launch(name, "aggregator", "--bootstrap", bootstrap, "--http-port", "0",
                "--state-dir", logs.resolve("aggregator-state").toAbsolutePath().toString());
    }

    private JarProcess startGateway(String name) {
        return launch(name, "gateway", "--bootstrap", bootstrap, "--port", gatewayPorts.get(name).toString(),
                "--gateway-id", name, "--cache-dir", logs.resolve(name + "-cache").toAbsolutePath().toString());
    }

    private JarProcess launch(String name, String... args) {
        JarProcess process = JarProcess.start(name, logs, List.of(args));
        processes.push(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
