package io.tributary.cli;

import io.tributary.aggregator.AggregatorHttpApi;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.ExampleService;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole system in one process: an embedded broker, the topics, the aggregator with its HTTP API, a gateway and
 * every example service. Closing it stops them in reverse order, so the examples retract their catalogs while
 * Kafka still runs.
 */
public final class DevSystem implements AutoCloseable {
    /** Ports to listen on; 0 means any free port. */
    public record Ports(int kafka, int gateway, int aggregator, int courses) {
        public static final Ports ANY = new Ports(0, 0, 0, 0);
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedKafka kafka;
    private final AggregatorHttpApi aggregatorApi;
    private final Gateway gateway;
    private final Map<Examples, ExampleService> examples = new EnumMap<>(Examples.class);

    private DevSystem(Ports ports) {
        Topics topics = Topics.withDefaultPrefix();
        try {
            kafka = push(ports.kafka() == 0 ? EmbeddedKafka.start() : EmbeddedKafka.start(ports.kafka()));
            TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
            SchemaAggregator aggregator = push(SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers())
                    .stateDir(Files.createTempDirectory("tributary-aggregator")).build()));
            aggregatorApi = push(AggregatorHttpApi.start(aggregator, ports.aggregator()));
            // A fresh broker starts a fresh log, so the gateway gets a fresh view cache: it never starts on an earlier
            // run's graph, whose services are gone.
            gateway = push(Gateway.start(ports.gateway(), kafka.bootstrapServers(), topics, Map.of(
                    "tributary.gateway.serving.cache-dir", Files.createTempDirectory("tributary-gateway-cache").toString(),
                    "tributary.gateway.graphiql.default-query", exampleQueries())));
            for (Examples example : Examples.values()) {
                int port = example == Examples.courses ? ports.courses() : 0;
                examples.put(example, push(example.start("v2", port, kafka.bootstrapServers(), topics)));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String exampleQueries() throws IOException {
        try (var in = DevSystem.class.getResourceAsStream("examples.graphql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static DevSystem start(Ports ports) {
        return new DevSystem(ports);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Gateway gateway() {
        return gateway;
    }

    public AggregatorHttpApi aggregatorApi() {
        return aggregatorApi;
    }

    Map<Examples, ExampleService> examples() {
        return examples;
    }

    private <T extends AutoCloseable> T push(T part) {
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("tributary dev: error while stopping: " + e.getMessage());
            }
        }
    }
}
