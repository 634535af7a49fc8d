package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.cli.chaos.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** {@code tributary kafka} from the packaged jar: a broker in its own process that clients reach, gone on SIGTERM. */
class KafkaCommandIT {
    private static final Pattern READY = Pattern.compile("Kafka broker ready at ([^\\s;(]+)");

    @Test
    void shouldServeClientsWithTributarysTopicsAndStopOnSigterm() throws Exception {
        try (JarProcess kafka = JarProcess.start("kafka-command", Path.of("target", "kafka-command-it"),
                List.of("kafka", "--port", "0", "--create-topics"))) {
            String bootstrap = kafka.awaitOutput(READY, Duration.ofSeconds(120));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .containsAll(Topics.withDefaultPrefix().newTopics((short) 1).stream().map(NewTopic::name).toList());
                admin.createTopics(List.of(new NewTopic("made-by-a-client", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("made-by-a-client"));
            }
            assertThat(kafka.stop(Duration.ofSeconds(60))).as("stops on SIGTERM").isTrue();
        }
    }
}
