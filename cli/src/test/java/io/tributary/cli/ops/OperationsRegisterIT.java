package io.tributary.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.cli.CommandRun;
import io.tributary.gateway.Gateway;
import io.tributary.operations.DocumentHash;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary operations register} on the real broker, with two allow-listed gateways following the operations
 * topic: what validates against the current view is registered and runs on both; what does not is refused with its
 * reason, a non-zero exit, and is refused by both gateways without a call to the service.
 */
class OperationsRegisterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "query Course { course(id: \"c-1\") { id title } }\n";
    private static final String BAD = "query Missing { course(id: \"c-1\") { id nosuchField } }\n";
    private static final String FROM_MANIFEST = "query Titles { courses(ids: [\"c-1\"]) { title } }";
    private static final String FROM_RELAY = "query CourseTitleQuery {\n  course(id: \"c-1\") {\n    title\n  }\n}\n";
    /** relay-compiler's id for it: the MD5 of its text. */
    private static final String RELAY_ID = "514db91860dfa2b3227f617218ca99ca";

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersWhatValidatesRefusesWhatDoesNotAndBothGatewaysAgree(@TempDir Path dir) throws Exception {
        Topics topics = new Topics("ops" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        AtomicInteger calls = new AtomicInteger();
        HttpServer courses = coursesService(calls);
        List<Gateway> gateways = new ArrayList<>();
        try {
            publish(topics, view("http://127.0.0.1:" + courses.getAddress().getPort()));
            for (int i = 0; i < 2; i++) {
                gateways.add(Gateway.start(0, kafka.bootstrapServers(), topics, Map.of("tributary.gateway.trusted-documents", "allow-listed",
                        "tributary.gateway.serving.cache-dir", Files.createTempDirectory(dir, "cache").toString())));
            }
            Path good = Files.writeString(dir.resolve("course.graphql"), GOOD);
            Path bad = Files.writeString(dir.resolve("missing.graphql"), BAD);
            Path manifest = Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(Map.of(
                    "format", "apollo-persisted-query-manifest", "version", 1,
                    "operations", List.of(Map.of("id", DocumentHash.of(FROM_MANIFEST).substring(7), "name", "Titles", "type", "query",
                            "body", FROM_MANIFEST)))));

            Path relay = Files.writeString(dir.resolve("persisted-queries.json"), JSON.writeValueAsString(Map.of(RELAY_ID, FROM_RELAY,
                    "0123456789abcdef0123456789abcdef", GOOD)));

            CommandRun run = tributary(topics, "operations", "register", good.toString(), bad.toString(), manifest.toString(),
                    relay.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("refused " + bad, "nosuchField").doesNotContain("refused " + good + ":")
                    .contains("refused " + relay + " 0123456789abcdef0123456789abcdef: its id", "is not the document's own");
            assertThat(run.out()).as(run.err()).contains("registered " + DocumentHash.of(GOOD), "registered " + DocumentHash.of(FROM_MANIFEST),
                    "registered " + DocumentHash.of(FROM_RELAY) + " (also " + RELAY_ID + ")", "3 registered, 2 refused, against view 1 of graph default");

            for (Gateway gateway : gateways) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(post(gateway, Map.of("query", GOOD))).contains("\"title\":\"Machine Learning\""));
                assertThat(post(gateway, Map.of("documentId", DocumentHash.of(FROM_MANIFEST)))).contains("\"title\":\"Machine Learning\"");
                assertThat(post(gateway, Map.of("id", RELAY_ID))).as("Relay's request: its id alone")
                        .contains("\"title\":\"Machine Learning\"");
                assertThat(post(gateway, Map.of("doc_id", RELAY_ID))).contains("\"title\":\"Machine Learning\"");
            }
            int before = calls.get();
            for (Gateway gateway : gateways) {
                assertThat(post(gateway, Map.of("query", BAD))).contains("PERSISTED_QUERY_NOT_ALLOWED");
            }
            assertThat(calls.get()).as("a refused document calls no service").isEqualTo(before);

            CommandRun none = tributary(topics, "operations", "register", bad.toString());
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.out()).contains("0 registered, 1 refused");
        } finally {
            gateways.forEach(Gateway::close);
            courses.stop(0);
        }
    }

    @Test
    void saysWhatToDoWhenTheGraphHasNoView(@TempDir Path dir) throws Exception {
        Topics topics = new Topics("ops" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        Path good = Files.writeString(dir.resolve("course.graphql"), GOOD);

        CommandRun run = tributary(topics, "operations", "register", good.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("graph default has no view yet");
    }

    private String post(Gateway gateway, Map<String, String> body) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri().resolve("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static SchemaView view(String baseUrl) {
        ServiceCatalog c = CourseCatalogs.v2("a");
        ServiceCatalog here = new ServiceCatalog(c.service(), c.instanceId(), c.serviceVersion(), c.publishedAt(), baseUrl,
                c.leaseMillis(), c.resources());
        return new ViewFold("default").next(Optional.empty(), List.of(here), new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
    }

    private void publish(Topics topics, SchemaView view) throws Exception {
        try (KafkaProducer<String, SchemaView> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), TributarySerdes.view().serializer())) {
            producer.send(new ProducerRecord<>(topics.schema(), view.graph(), view)).get();
        }
    }

    /** Answers any course by id, and a MULTI_GET, with one course; counts the calls. */
    private static HttpServer coursesService(AtomicInteger calls) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/courses", exchange -> {
            calls.incrementAndGet();
            String course = "{\"id\":\"c-1\",\"title\":\"Machine Learning\",\"durationMinutes\":90}";
            byte[] body = (exchange.getRequestURI().getQuery() != null ? "{\"elements\":[" + course + "]}" : course)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private CommandRun tributary(Topics topics, String... args) {
        return CommandRun.run(kafka.bootstrapServers(), topics.prefix(), args);
    }
}
