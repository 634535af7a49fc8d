package io.tributary.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.testkit.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The catalog log as the operator commands read it: in offset order, the order the aggregator folded it. */
class TopicLogTest {
    private final String bootstrap = EmbeddedKafka.shared().bootstrapServers();
    private final Topics topics = new Topics("topiclog-" + UUID.randomUUID().toString().substring(0, 8));
    private final ServiceCatalog catalog = new SyntheticGraph(1, 1).catalog(0, 1, "i-1", 30_000);

    @Test
    void shouldReplayTheCatalogLogInOffsetOrderEvenWhenTimestampsRunBackwards() throws Exception {
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        // A publication, then its retraction stamped earlier (another producer's clock, or an expiry's punctuation time).
        write(2_000_000, TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog));
        write(1_000_000, null);

        try (TopicLog log = new TopicLog(Map.of("bootstrap.servers", bootstrap))) {
            List<Long> offsets = new ArrayList<>();
            log.forEachRaw(topics.catalog(), record -> offsets.add(record.offset()));
            ClusterState state = new ClusterState(log, topics);

            assertThat(offsets).containsExactly(0L, 1L);
            assertThat(state.liveInstances()).as("the retraction came after the publication in the log").isEmpty();
            assertThat(state.replay("default").liveInstances()).isEmpty();
        }
    }

    @Test
    void shouldStopReadingWhenTheActionSaysSo() throws Exception {
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        for (int i = 0; i < 5; i++) {
            write(1_000_000 + i, TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog));
        }

        try (TopicLog log = new TopicLog(Map.of("bootstrap.servers", bootstrap))) {
            List<Long> offsets = new ArrayList<>();
            log.forEachRaw(topics.catalog(), record -> offsets.add(record.offset()) && record.offset() < 2);

            assertThat(offsets).containsExactly(0L, 1L, 2L);
        }
    }

    private void write(long timestamp, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.catalog(), 0, timestamp, catalog.instanceKey(), value)).get();
        }
    }
}
