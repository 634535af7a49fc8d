package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.avro.RecordReplay;
import io.tributary.view.SchemaView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregator on a real broker: restarts without duplicate or skipped versions, replays to the live hash, HTTP API. */
class SchemaAggregatorIT {
    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    @TempDir
    Path stateDir;

    @Test
    void shouldNeitherDuplicateNorSkipAViewVersionAcrossARestartAndReplayToTheLiveHash() throws Exception {
        Topics topics = new Topics("aggregator-restart");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("aggregator-restart")
                .topics(topics)
                .stateDir(stateDir).build();
        try (var producer = producer()) {
            try (SchemaAggregator aggregator = SchemaAggregator.start(config)) {
                publish(producer, topics, CourseCatalogs.v2("a"));
                publish(producer, topics, GraphCatalogs.partners());
                await().atMost(Duration.ofSeconds(60)).until(() -> views(topics).size() == 2);
            }
            publish(producer, topics, CourseCatalogs.v1("b"));
            producer.send(new ProducerRecord<>(topics.catalog(), "courses/a", null)).get();
            publish(producer, topics, GraphCatalogs.instructors());
            try (SchemaAggregator restarted = SchemaAggregator.start(config)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> views(topics).size() >= 5);
                publish(producer, topics, GraphCatalogs.enrollments());
                await().atMost(Duration.ofSeconds(60)).until(() -> views(topics).size() >= 6);
            }
        }

        List<SchemaView> views = views(topics);
        assertThat(views).extracting(SchemaView::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(replay(topics).hash()).isEqualTo(views.getLast().hash());
    }

    @Test
    void shouldAnswerItsHttpApi() throws Exception {
        Topics topics = new Topics("aggregator-http");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("aggregator-http")
                .topics(topics)
                .stateDir(stateDir).build();
        HttpClient http = HttpClient.newHttpClient();
        try (var producer = producer();
             SchemaAggregator aggregator = SchemaAggregator.start(config);
             AggregatorHttpApi api = AggregatorHttpApi.start(aggregator, 0)) {
            publish(producer, topics, CourseCatalogs.v2("a"));
            await().atMost(Duration.ofSeconds(60)).until(() -> aggregator.currentView().isPresent());

            assertThat(get(http, api.uri().resolve("/views/current")).body())
                    .contains("\"version\" : 1", "\"kind\" : \"PUBLISHED\"", "durationMinutes");
            assertThat(get(http, api.uri().resolve("/services")).body()).contains("\"service\" : \"courses\"", "\"version\" : \"2.0.0\"");
            await().atMost(Duration.ofSeconds(30)).until(() -> aggregator.state() == KafkaStreams.State.RUNNING);
            HttpResponse<String> health = get(http, api.uri().resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(get(http, api.uri().resolve("/prometheus")).body())
                    .contains("tributary_aggregator_views_total 1.0", "tributary_aggregator_fold_seconds");
        }
    }

    @Test
    void shouldKeepFoldingPastPoisonRecords() throws Exception {
        Topics topics = new Topics("aggregator-poison");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        var config = SchemaAggregator.Config.builder(kafka.bootstrapServers())
                .applicationId("aggregator-poison")
                .topics(topics)
                .stateDir(stateDir).build();
        byte[] nearlyOneMebibyte = new byte[1_000_000];
        new java.util.Random(1).nextBytes(nearlyOneMebibyte);
        AtomicReference<Throwable> died = new AtomicReference<>();
        try (var producer = producer(); SchemaAggregator aggregator = SchemaAggregator.start(config, died::set)) {
            publish(producer, topics, CourseCatalogs.v2("a"));
            producer.send(new ProducerRecord<>(topics.catalog(), null, "courses/a", null,
                    new RecordHeaders().add("tributary.event", null))).get();
            producer.send(new ProducerRecord<>(topics.catalog(), "courses/b", nearlyOneMebibyte)).get();
            publish(producer, topics, GraphCatalogs.partners());

            await().atMost(Duration.ofSeconds(60)).until(() -> views(topics).size() == 3);
            assertThat(views(topics)).extracting(v -> v.cause().kind())
                    .containsExactly(Cause.EventKind.PUBLISHED, Cause.EventKind.RETRACTED, Cause.EventKind.PUBLISHED);
            List<ConsumerRecord<String, byte[]>> rejected = readAll(topics.catalogRejected(), new ByteArrayDeserializer());
            assertThat(rejected).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("courses/b");
                assertThat(new String(r.headers().lastHeader(Headers.REJECTED_SOURCE).value())).isEqualTo(topics.catalog() + "/0@2");
            });
            assertThat(aggregator.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(died.get()).isNull();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SchemaView replay(Topics topics) {
        RecordReplay replay = new RecordReplay("default");
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topics.catalog(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> replay.apply(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                        r.headers(), r.timestamp()));
            }
        }
        return replay.current().orElseThrow();
    }

    private List<SchemaView> views(Topics topics) {
        return readAll(topics.schema(), TributarySerdes.view().deserializer()).stream().map(ConsumerRecord::value).toList();
    }

    private <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, Topics topics, ServiceCatalog catalog) throws Exception {
        producer.send(new ProducerRecord<>(topics.catalog(), catalog.instanceKey(),
                TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog))).get();
    }
}
