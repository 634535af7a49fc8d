package io.tributary.gateway.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A gateway's Micronaut context on a free port, as {@code Gateway.start} builds it, on the shared embedded broker
 * with topics of its own (so no other test's view reaches it) and an empty view cache. Views are applied to its
 * holder directly. Requests go through the JDK's HTTP client, so every header is the test's choice.
 */
public final class RunningGateway implements AutoCloseable {
    private final ApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningGateway(ApplicationContext context) {
        this.context = context;
    }

    /** Starts a gateway whose test beans are those guarded by {@code spec.name = specName}, on a free port unless the properties fix one. */
    public static RunningGateway start(String specName, Map<String, Object> properties) {
        Topics topics = new Topics("t" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(EmbeddedKafka.shared().bootstrapServers(), topics, (short) 1);
        return start(specName, properties, topics);
    }

    /** Starts a gateway on these (provisioned) topics, which several gateways of one test may share. */
    public static RunningGateway start(String specName, Map<String, Object> properties, Topics topics) {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Map<String, Object> all = new HashMap<>(properties);
        all.put("spec.name", specName);
        all.putIfAbsent("micronaut.server.port", 0);
        all.put("tributary.gateway.bootstrap-servers", kafka.bootstrapServers());
        all.put("tributary.gateway.topic-prefix", topics.prefix());
        try {
            all.put("tributary.gateway.serving.cache-dir", Files.createTempDirectory("gateway-cache").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApplicationContext context = ApplicationContext.builder()
                .environments(Gateway.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(all)
                .start();
        context.getBean(EmbeddedServer.class).start();
        return new RunningGateway(context);
    }

    public ApplicationContext context() {
        return context;
    }

    public void apply(SchemaView view) {
        if (!context.getBean(GraphHolder.class).apply(view)) {
            throw new IllegalStateException("view " + view.version() + " was refused");
        }
    }

    public URI uri(String pathAndQuery) {
        return context.getBean(EmbeddedServer.class).getURI().resolve(pathAndQuery);
    }

    /** Sends {@code request} (its URI relative to the gateway), answering the body as text. */
    public HttpResponse<String> send(HttpRequest.Builder request, String pathAndQuery) {
        try {
            return http.send(request.uri(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body to {@code /graphql} with the given header name/value pairs. */
    public HttpResponse<String> post(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, "/graphql");
    }

    /** GETs {@code pathAndQuery} with the given header name/value pairs. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, pathAndQuery);
    }

    @Override
    public void close() {
        context.close();
    }

    /** {@code {"query": ...}} with the query escaped for JSON. */
    public static String body(String query) {
        return "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }
}
