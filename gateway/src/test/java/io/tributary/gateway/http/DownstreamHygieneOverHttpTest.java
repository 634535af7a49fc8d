package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.rest.client.RestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway as its beans configure it never calls its own HTTP port, and does not tell clients why. */
class DownstreamHygieneOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldNotRouteACatalogWhoseBaseUrlIsTheGatewaysOwnPort() throws IOException {
        int port = freePort();
        try (RunningGateway gateway = RunningGateway.start("DownstreamHygieneOverHttpTest", Map.of("micronaut.server.port", port))) {
            gateway.apply(TestViews.view(1, "http://localhost:" + port, CourseCatalogs.v2("a")));

            HttpResponse<String> response = gateway.post(RunningGateway.body("{ course(id: \"c-1\") { id } }"),
                    "Content-Type", "application/json");

            JsonNode error = JSON.readTree(response.body()).at("/errors/0");
            assertThat(error.at("/extensions/code").asText()).isEqualTo("NOT_ROUTED");
            assertThat(error.at("/message").asText()).isEqualTo("Service 'courses' is not reachable from this gateway");
            assertThat(response.body()).doesNotContain(Integer.toString(port), "localhost", "denied-hosts");
            assertThat(gateway.context().getBean(MeterRegistry.class).find(RestClient.CALLS_METER).timers())
                    .as("no call was sent to any service, the gateway itself included").isEmpty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
