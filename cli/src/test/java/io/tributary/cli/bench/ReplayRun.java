package io.tributary.cli.bench;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark 4, replay: a catalog topic of {@code events} records written, then re-folded by {@code tributary replay}
 * in a JVM of its own with the launcher's flags for it ({@code bin/jvm-options replay}, plus any in
 * {@code bench.replay-opts}) and a GC log, from which the heap figures come. Two replays of the same log: the head
 * ({@code --until-offset}: the first {@code folded} events folded, the rest not read), which gives the fold's rate, and
 * the tail ({@code --from-offset}: every record read, the last {@value #TAIL} folded), which gives the cost of reading
 * the whole log and the heap it takes. The log is a fleet's: every service of a {@link SyntheticGraph}
 * restarts its two instances one after the other (publish the second, retract the first, publish the first, retract
 * the second) and deploys a new version every 50 rounds, so every event changes the graph's instances and makes a view.
 */
final class ReplayRun {
    private static final Pattern REPLAYED = Pattern.compile("replayed (\\d+) events \\((\\d+) rejected\\): view (\\d+)");
    /** How many events the tail replay folds: enough for a view, few enough that reading the log is what it measures. */
    static final int TAIL = 10;
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** What to replay: how many events in the log, how many of them each replay folds, how long a replay may take. */
    record Settings(int events, int folded, SyntheticGraph graph, Duration atMost) {
    }

    /**
     * What one replay did: its exit code, the events it folded and rejected, how long the process took, and its heap
     * (the most in use before a collection, the most still in use after one).
     */
    record Result(String name, int exit, long replayed, long rejected, Duration elapsed, Duration cpu, long peakHeapMegabytes,
                  long liveHeapMegabytes) {
    }

    private final Settings settings;

    ReplayRun(Settings settings) {
        this.settings = settings;
    }

    /** Writes the log, replays its head and its tail, prints the figures and answers both results. */
    List<Result> run(Path dir) throws Exception {
        Files.createDirectories(dir);
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        Topics topics = new Topics("replay-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        long writing = System.nanoTime();
        write(bootstrap, topics);
        System.out.printf("replay: %,d catalog events written in %d s (%d services, %d resources)%n", settings.events(),
                (System.nanoTime() - writing) / 1_000_000_000, settings.graph().services(), settings.graph().resources());
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        String parts = System.getProperty("bench.replay.parts", "head,tail");
        List<Result> results = new ArrayList<>();
        if (parts.contains("head")) {
            results.add(replay("head", dir, bootstrap, topics, List.of("--until-offset", String.valueOf(settings.folded() - 1))));
        }
        if (parts.contains("tail")) {
            results.add(replay("tail", dir, bootstrap, topics, List.of("--from-offset", String.valueOf(settings.events() - TAIL))));
        }
        System.out.printf("load average before: %s, after: %s%n", loadBefore, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("| replay | exit | events read | events folded | seconds | folded/s | read/s | CPU seconds | CPU us per event read"
                + " | heap MB: most in use before a GC | most in use after a GC |%n|---|---|---|---|---|---|---|---|---|---|---|%n");
        for (Result result : results) {
            long read = result.name().equals("head") ? settings.folded() : settings.events();
            double seconds = result.elapsed().toMillis() / 1000.0;
            double cpu = result.cpu().toMillis() / 1000.0;
            System.out.printf("| %s | %d | %,d | %,d | %.1f | %,.0f | %,.0f | %.1f | %.1f | %d | %d |%n", result.name(), result.exit(), read,
                    result.replayed(), seconds, result.replayed() / seconds, read / seconds, cpu, cpu * 1_000_000 / read,
                    result.peakHeapMegabytes(), result.liveHeapMegabytes());
        }
        return results;
    }

    private Result replay(String name, Path dir, String bootstrap, Topics topics, List<String> range) throws Exception {
        Path gcLog = dir.resolve("replay-" + name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> args = new ArrayList<>(List.of("replay", "--bootstrap", bootstrap, "--topic-prefix", topics.prefix()));
        args.addAll(range);
        long started = System.nanoTime();
        PartProcess replay = PartProcess.start("replay-" + name, dir, List.of("-Xlog:gc:file=" + gcLog.toAbsolutePath()), args);
        int exit;
        Duration cpu;
        try (replay) {
            cpu = cpuUntilExit(replay);
            exit = replay.waitFor(settings.atMost());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("replay %s: %s with %s%n", name, String.join(" ", args.subList(5, args.size())), String.join(" ", replay.flags));
        Matcher replayed = REPLAYED.matcher(Files.readString(dir.resolve("replay-" + name + ".log"), StandardCharsets.UTF_8));
        boolean said = replayed.find();
        long peak = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                peak = Math.max(peak, Long.parseLong(gc.group(1)));
                live = Math.max(live, Long.parseLong(gc.group(2)));
            }
        }
        return new Result(name, exit, said ? Long.parseLong(replayed.group(1)) : 0, said ? Long.parseLong(replayed.group(2)) : 0,
                elapsed, cpu, peak, live);
    }

    /**
     * The CPU time the replay process used (all its threads), as last read before it exited, every 100 ms: steadier
     * than its wall time on a shared machine. Gives up waiting after {@code atMost}.
     */
    private Duration cpuUntilExit(PartProcess replay) throws InterruptedException, ExecutionException {
        ProcessHandle handle = ProcessHandle.of(replay.pid()).orElseThrow();
        Duration cpu = Duration.ZERO;
        long deadline = System.nanoTime() + settings.atMost().toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            cpu = handle.info().totalCpuDuration().orElse(cpu);
            try {
                handle.onExit().get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still folding: read its CPU time again
            }
        }
        return cpu;
    }

    private void write(String bootstrap, Topics topics) throws Exception {
        Map<String, byte[]> encoded = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new StringSerializer(), new ByteArraySerializer())) {
            int services = settings.graph().services();
            for (int i = 0; i < settings.events(); i++) {
                int service = i % services;
                int round = i / services;
                int version = 1 + round / 50 % 2;
                int step = round == 0 ? 0 : 1 + (round - 1) % 4;
                String instance = step == 0 || step == 2 || step == 3 ? "i-1" : "i-2";
                boolean publish = step == 0 || step == 1 || step == 3;
                String key = ServiceCatalog.instanceKey(settings.graph().service(service), instance);
                byte[] value = publish ? encoded.computeIfAbsent(key + "@" + version, k -> TributarySerdes.catalog().serializer()
                        .serialize(topics.catalog(), settings.graph().catalog(service, version, instance, 30_000))) : null;
                producer.send(new ProducerRecord<>(topics.catalog(), key, value));
            }
            producer.flush();
        }
    }
}
