package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.curation.CurationRule;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sustained queries and mutations while the gateway swaps in at least 20 views: not one request fails. */
class SwapUnderLoadIT {
    private static final Logger LOG = LoggerFactory.getLogger(SwapUnderLoadIT.class);
    private static final int CLIENTS = 8;
    private static final int SWAPS = 20;
    private static final String QUERY = """
            {"query": "{ course(id: \\"c-3\\") { id title } courses(ids: [\\"c-1\\", \\"c-2\\"]) { id title } }"}""";
    private static final String MUTATION = """
            {"query": "mutation { courseUpdateTitle(id: \\"c-3\\", title: \\"Under load\\") { id title } }"}""";

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryRequestWhileViewsAreSwapped() throws Exception {
        Topics topics = new Topics("swap-under-load");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        try (SchemaAggregator aggregator = SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("swap-under-load").topics(topics).stateDir(dir.resolve("state")).build());
             Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics,
                     Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString()));
             CoursesApp courses = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics);
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUERY)).build();
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"c-3\""));
            long firstVersion = gateway.current().orElseThrow().view().version();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            HttpRequest mutation = HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(MUTATION)).build();
            for (int i = 0; i < CLIENTS; i++) {
                HttpRequest sent = i % 2 == 0 ? request : mutation;
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || response.body().contains("\"errors\"") || !response.body().contains("\"c-3\"")) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                            answered.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            for (int i = 1; i <= SWAPS; i++) {
                CurationRule rule = new CurationRule.Describe("describe-title", "Course.title", "The title, revision " + i + ".");
                producer.send(new ProducerRecord<>(topics.curation(), rule.id(),
                        TributarySerdes.curation().serializer().serialize(topics.curation(), rule))).get();
                long expected = firstVersion + i;
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.current().orElseThrow().view().version() >= expected);
            }
            running.set(false);
            clients.shutdown();
            await().atMost(Duration.ofSeconds(30)).until(clients::isTerminated);

            LOG.info("{} requests answered by {} clients while {} views were swapped in", answered.get(), CLIENTS, SWAPS);
            assertThat(gateway.current().orElseThrow().view().version()).isGreaterThanOrEqualTo(firstVersion + SWAPS);
            assertThat(answered.get()).isGreaterThan(SWAPS);
            assertThat(List.copyOf(failures)).isEmpty();
        }
    }
}
