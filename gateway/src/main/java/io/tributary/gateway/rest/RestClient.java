package io.tributary.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Calls the services' REST APIs without blocking a thread per call, and reads their JSON into plain maps and lists
 * that graphql-java resolves fields from. A 404 is an absent value; other failures are {@link DownstreamException}s.
 */
public final class RestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final Duration timeout;

    public RestClient(Duration timeout) {
        this.timeout = timeout;
    }

    public CompletableFuture<Optional<Object>> get(String service, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .exceptionally(failure -> {
                    throw new DownstreamException(service, 0, uri, String.valueOf(failure.getCause() == null ? failure : failure.getCause()));
                })
                .thenApply(response -> read(service, uri, response));
    }

    private static Optional<Object> read(String service, URI uri, HttpResponse<byte[]> response) {
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new DownstreamException(service, response.statusCode(), uri, "");
        }
        try {
            return Optional.ofNullable(JSON.readValue(response.body(), Object.class));
        } catch (IOException e) {
            throw new DownstreamException(service, response.statusCode(), uri, "response is not JSON: " + e.getMessage());
        }
    }
}
