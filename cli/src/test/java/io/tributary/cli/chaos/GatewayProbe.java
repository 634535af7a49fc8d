package io.tributary.cli.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a gateway, over its own HTTP endpoints, what it serves: the view's version and SDL from
 * {@code /schema.graphql}, and how many views it has swapped in from {@code /prometheus}.
 */
final class GatewayProbe {
    /** The view a gateway serves right now. */
    record Served(long version, String sdl) {
    }

    private static final String SWAP_COUNT = "tributary_gateway_swap_seconds_count";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** What the gateway serves, or empty when it serves nothing yet or does not answer. */
    Optional<Served> served(URI gateway) {
        try {
            HttpResponse<String> response = get(gateway.resolve("/schema.graphql"));
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return response.headers().firstValueAsLong("Tributary-View-Version").stream()
                    .mapToObj(version -> new Served(version, response.body())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Views swapped in since the gateway process started. */
    long swaps(URI gateway) {
        try {
            return get(gateway.resolve("/prometheus")).body().lines()
                    .filter(line -> line.startsWith(SWAP_COUNT))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("gateway at " + gateway + " does not answer /prometheus", e);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
