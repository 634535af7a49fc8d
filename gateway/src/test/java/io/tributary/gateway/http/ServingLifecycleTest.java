package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a gateway answers before its first view and after: readiness, /graphql, /schema.graphql. */
class ServingLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingServer courses = CoursesService.start();
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = RunningGateway.start("ServingLifecycleTest", Map.of());
    }

    @AfterEach
    void stop() {
        gateway.close();
        courses.close();
    }

    @Test
    void shouldBeAliveButNotReadyUntilASchemaIsLoaded() throws IOException {
        assertThat(gateway.get("/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = gateway.get("/health/readiness");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("DOWN");

        gateway.apply(TestViews.view(3, courses.baseUrl(), CourseCatalogs.v2("a")));

        HttpResponse<String> ready = gateway.get("/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).at("/details/graph/details/version").asLong()).isEqualTo(3);
        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer503WithAGraphQLErrorWhileNoSchemaIsLoaded() throws IOException {
        HttpResponse<String> response = gateway.post(RunningGateway.body("{ __typename }"), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).at("/errors/0");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("SCHEMA_NOT_LOADED");
        assertThat(error.at("/message").asText()).contains("No schema is loaded yet");
        assertThat(gateway.get("/schema.graphql").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldServeTheLiveSdlWithTheViewsHashAsETag() {
        SchemaView view = TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a"));
        gateway.apply(view);

        HttpResponse<String> schema = gateway.get("/schema.graphql");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(schema.headers().firstValue("ETag")).hasValue("\"" + view.hash() + "\"");
        assertThat(schema.headers().firstValue("Tributary-View-Version")).hasValue("1");
        assertThat(schema.body()).isEqualTo(view.sdl()).contains("durationMinutes");
        assertThat(gateway.get("/schema.graphql", "If-None-Match", "\"" + view.hash() + "\"").statusCode()).isEqualTo(304);
    }

    @Test
    void shouldServeTheNewSdlOnceANewViewIsSwappedIn() {
        gateway.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));
        gateway.apply(TestViews.view(2, courses.baseUrl(), CourseCatalogs.v1("a")));

        assertThat(gateway.get("/schema.graphql").body()).doesNotContain("durationMinutes");
    }
}
