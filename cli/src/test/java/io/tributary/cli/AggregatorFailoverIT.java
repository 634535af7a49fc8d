package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.SchemaView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator process SIGKILLed and replaced, as an orchestrator would: the replacement (same host, same state
 * directory) takes over as the same static group member at once, instead of waiting out the dead one's session,
 * and its next view follows the last one without a gap.
 */
class AggregatorFailoverIT {
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    @TempDir
    Path dir;

    @Test
    void shouldLetAReplacementTakeOverAtOnceAfterASigkill() throws Exception {
        Topics topics = new Topics("failover");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Process first = aggregator(topics);
            try {
                publish(producer, topics, CourseCatalogs.v2("a"));
                await().atMost(Duration.ofSeconds(90)).until(() -> views(topics).size() == 1);
            } finally {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            long killedAt = System.nanoTime();
            Process replacement = aggregator(topics);
            try {
                publish(producer, topics, GraphCatalogs.partners());
                await().atMost(Duration.ofSeconds(90)).until(() -> views(topics).size() == 2);
                System.out.printf("Replacement aggregator produced the next view %d ms after the SIGKILL%n",
                        (System.nanoTime() - killedAt) / 1_000_000);

                assertThat(views(topics)).extracting(SchemaView::version).containsExactly(1L, 2L);
                Collection<MemberDescription> members = group(admin).members();
                assertThat(members).as("the replacement took the dead member's place instead of joining beside it")
                        .singleElement().satisfies(m -> assertThat(m.groupInstanceId()).isPresent());
            } finally {
                replacement.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process aggregator(Topics topics) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", Path.of("target", "tributary.jar").toString(),
                "aggregator", "--bootstrap", kafka.bootstrapServers(), "--topic-prefix", topics.prefix(),
                "--application-id", "failover", "--state-dir", dir.resolve("state").toString(), "--http-port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("aggregator-" + System.nanoTime() + ".err").toFile())
                .start();
    }

    private ConsumerGroupDescription group(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of("failover")).all().get().get("failover");
    }

    private static void publish(KafkaProducer<String, byte[]> producer, Topics topics, ServiceCatalog catalog) throws Exception {
        producer.send(new ProducerRecord<>(topics.catalog(), catalog.instanceKey(),
                TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog))).get();
    }

    private List<SchemaView> views(Topics topics) {
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), TributarySerdes.view().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.schemaHistory(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<SchemaView> views = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> views.add(r.value()));
            }
            return views;
        }
    }
}
