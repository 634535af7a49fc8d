package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty broker (no topic of Tributary's) and the parts started in different orders, with no manual topic step:
 * whoever comes first creates the topics, the others find them, and the graph is served.
 */
class StartingOrderIT {
    private static final String QUERY = "{\"query\": \"{ course(id: \\\"c-1\\\") { id } }\"}";
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @Test
    void shouldServeTheGraphWhenTheServiceStartsFirst() throws Exception {
        Topics topics = new Topics("order-service-first");
        try (CoursesApp courses = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics);
             Gateway gateway = gateway(topics)) {
            Process aggregator = aggregator(topics);
            try {
                awaitServed(gateway);
            } finally {
                aggregator.destroy();
                aggregator.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldServeTheGraphWhenTheGatewayStartsFirstAndTheServiceLast() throws Exception {
        Topics topics = new Topics("order-gateway-first");
        try (Gateway gateway = gateway(topics)) {
            Process aggregator = aggregator(topics);
            try (CoursesApp courses = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics)) {
                awaitServed(gateway);
            } finally {
                aggregator.destroy();
                aggregator.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Gateway gateway(Topics topics) {
        return Gateway.start(0, kafka.bootstrapServers(), topics, Map.of("tributary.gateway.serving.cache-dir",
                dir.resolve("cache").toString()));
    }

    private void awaitServed(Gateway gateway) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"data\":{\"course\":{\"id\":\"c-1\"}}}"));
    }

    private Process aggregator(Topics topics) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-jar", Path.of("target", "tributary.jar").toString(), "aggregator", "--bootstrap", kafka.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--application-id", topics.prefix(), "--state-dir", dir.resolve("state").toString(),
                "--http-port", "0"));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("aggregator.out").toFile())
                .redirectError(dir.resolve("aggregator.err").toFile()).start();
    }
}
