package io.tributary.cli;

import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.gateway.Gateway;
import io.tributary.testkit.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The whole system in one process: an embedded broker, the topics, the aggregator, a gateway and the example
 * services. Closing it stops them in reverse order, so the examples retract their catalogs while Kafka still runs.
 */
public final class DevSystem implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedKafka kafka;
    private final Gateway gateway;
    private final CoursesApp courses;

    private DevSystem(int kafkaPort, int gatewayPort, int coursesPort) {
        Topics topics = Topics.withDefaultPrefix();
        try {
            kafka = push(kafkaPort == 0 ? EmbeddedKafka.start() : EmbeddedKafka.start(kafkaPort));
            TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
            push(SchemaAggregator.start(SchemaAggregator.Config.of(kafka.bootstrapServers())
                    .withStateDir(Files.createTempDirectory("tributary-aggregator"))));
            gateway = push(Gateway.start(gatewayPort, kafka.bootstrapServers(), topics));
            courses = push(CoursesApp.start(Variant.V2, coursesPort, kafka.bootstrapServers(), topics));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static DevSystem start(int kafkaPort, int gatewayPort, int coursesPort) {
        return new DevSystem(kafkaPort, gatewayPort, coursesPort);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Gateway gateway() {
        return gateway;
    }

    public CoursesApp courses() {
        return courses;
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
