package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code tributary dev} starts answers a GraphQL query from the courses example, and stops cleanly. */
class DevSystemIT {

    @Test
    void shouldAnswerACourseQueryOnceEverythingIsUp() {
        HttpClient http = HttpClient.newHttpClient();
        try (DevSystem system = DevSystem.start(0, 0, 0)) {
            HttpRequest request = HttpRequest.newBuilder(system.gateway().uri().resolve("/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ courses(ids: [\\\"c-2\\\", \\\"c-1\\\"]) { id } }\"}"))
                    .build();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                            .isEqualTo("{\"data\":{\"courses\":[{\"id\":\"c-2\"},{\"id\":\"c-1\"}]}}"));
        }
    }
}
