package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code tributary dev} starts composes all four example services into one graph and answers from each. */
class DevSystemIT {

    @Test
    void shouldServeEveryExampleServiceThroughOneGraph() {
        HttpClient http = HttpClient.newHttpClient();
        try (DevSystem system = DevSystem.start(DevSystem.Ports.ANY)) {
            HttpRequest request = HttpRequest.newBuilder(system.gateway().uri().resolve("/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"query": "{ courses(ids: [\\"c-2\\", \\"c-1\\"]) { id } instructor(id: \\"i-3\\") { id } partner(id: \\"p-1\\") { id } }"}
                            """))
                    .build();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(
                            "{\"data\":{\"courses\":[{\"id\":\"c-2\"},{\"id\":\"c-1\"}],\"instructor\":{\"id\":\"i-3\"},\"partner\":{\"id\":\"p-1\"}}}"));
            String sdl = system.gateway().current().orElseThrow().view().sdl();
            assertThat(sdl).contains("type CourseEnrollment", "enrollments: [CourseEnrollment!]!", "instructors: [Instructor!]!");
        }
    }
}
