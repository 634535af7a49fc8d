package io.tributary.cli;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.text.Printable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes a part's start independent of the order things start in: it creates Tributary's topics that are missing (as
 * {@code tributary topics create} would) and, while Kafka is unreachable or creation fails, keeps trying, saying so
 * in one line rather than one per attempt.
 */
final class StartupTopics {
    private static final Duration RETRY = Duration.ofSeconds(2);

    private StartupTopics() {
    }

    static void ensure(Map<String, Object> clientProperties, Topics topics, PrintStream log) throws InterruptedException {
        String lastProblem = null;
        while (true) {
            try {
                List<String> created = TopicProvisioner.ensure(clientProperties, topics, TopicProvisioner.BROKER_DEFAULT_REPLICATION);
                if (!created.isEmpty()) {
                    log.println("Created the missing topics " + String.join(", ", created));
                }
                return;
            } catch (IllegalStateException e) {
                String problem = Printable.of(e.getMessage());
                if (!problem.equals(lastProblem)) {
                    log.println("Waiting for Kafka to create Tributary's topics (retrying every " + RETRY.toSeconds() + " s): " + problem);
                    lastProblem = problem;
                }
                Thread.sleep(RETRY);
            }
        }
    }
}
