package io.tributary.cli;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.testkit.EmbeddedKafka;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary kafka}: a single-node Apache Kafka broker (KRaft) as its own process, for a machine with no Kafka.
 * Its data lives in the temp directory and is deleted when it stops; it is not for production.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft) for development and tests; its data is deleted on stop.")
final class KafkaCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "Port clients connect to; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--create-topics", description = "Create Tributary's topics once the broker is up, as 'tributary topics create' does.")
    boolean createTopics;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "Prefix of the topics --create-topics makes (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafka kafka = port == 0 ? EmbeddedKafka.start() : EmbeddedKafka.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "tributary-kafka-shutdown"));
        if (createTopics) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), new Topics(topicPrefix), (short) 1);
        }
        System.out.printf("Kafka broker ready at %s%s; Ctrl-C stops it and deletes its data.%n", kafka.bootstrapServers(),
                createTopics ? " (topics " + topicPrefix + ".* created)" : "");
        stopped.await();
        return 0;
    }
}
