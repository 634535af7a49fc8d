package io.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.examples.instructors.InstructorsApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A service whose Kafka is unreachable still starts and serves, and says in /health that its catalog is not published yet. */
class PublicationHealthTest {

    @Test
    void shouldStartAndReportWaitingForKafkaInHealth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (InstructorsApp app = InstructorsApp.start(0, "localhost:" + freePort(), new Topics("health-test"))) {
            HttpResponse<String> instructor = http.send(HttpRequest.newBuilder(app.uri().resolve("/instructors/i-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(instructor.statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String health = http.send(HttpRequest.newBuilder(app.uri().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(health).contains("tributary-publisher", "\"state\":\"CONNECTING\"", "lastError");
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
