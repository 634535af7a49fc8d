package io.tributary.examples.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.examples.ExampleServer;
import io.tributary.testkit.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class CoursesAppIT {

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();

    @Test
    void shouldKeepAnsweringAfterItRetractsUntilTheDrainEnds() throws Exception {
        Topics topics = new Topics("courses-it-drain");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        // A drain long enough that reading the tombstone back surely ends within it.
        ExampleServer app = ExampleServer.start(CoursesApp.ENVIRONMENT, Variant.V2.serviceVersion(), 0, kafka.bootstrapServers(), topics,
                Map.of(CoursesApp.VARIANT_PROPERTY, Variant.V2.name(), "tributary.publisher.drain", "5s"));
        URI course = app.uri().resolve("/courses/c-1");
        readAll(topics, 1);
        Thread closing = Thread.ofPlatform().start(app::close);
        try {
            readAll(topics, 2);
            // The tombstone is in the log: gateways are swapping this instance out, and it must still answer meanwhile.
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(course).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        } finally {
            closing.join(Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldPublishItsCatalogOnStartupAndRetractItOnShutdown() throws Exception {
        Topics topics = new Topics("courses-it-lifecycle");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        URI uri;
        try (CoursesApp app = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics)) {
            uri = app.uri();
            HttpResponse<String> course = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri.resolve("/courses/c-1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(course.statusCode()).isEqualTo(200);
            assertThat(course.body()).contains("\"durationMinutes\"");
        }

        List<ConsumerRecord<String, ServiceCatalog>> events = readAll(topics, 2);
        ServiceCatalog published = events.getFirst().value();
        assertThat(published.service()).isEqualTo("courses");
        assertThat(published.serviceVersion()).isEqualTo("2.0.0");
        assertThat(published.baseUrl()).isEqualTo(uri.toString());
        assertThat(published.resources()).singleElement().satisfies(r -> {
            assertThat(r.qualifiedName()).isEqualTo("courses.v1");
            assertThat(r.model().getField("durationMinutes")).isNotNull();
        });
        assertThat(events.getFirst().key()).isEqualTo(published.instanceKey());
        assertThat(events.get(1).key()).isEqualTo(published.instanceKey());
        assertThat(events.get(1).value()).isNull();
    }

    @Test
    void shouldAnswerMultiGetInTheOrderAskedInTheNaptimeEnvelope() throws Exception {
        Topics topics = new Topics("courses-it-multi-get");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        try (CoursesApp app = CoursesApp.start(Variant.V1, 0, kafka.bootstrapServers(), topics)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(app.uri().resolve("/courses?ids=c-3,c-1,nope")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).startsWith("{\"elements\":[{\"id\":\"c-3\"").contains("\"id\":\"c-1\"")
                    .doesNotContain("durationMinutes").doesNotContain("nope");
        }
    }

    /** The last {@code atLeast} events of the catalog topic; each test has its own topics, so they are its own. */
    private List<ConsumerRecord<String, ServiceCatalog>> readAll(Topics topics, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), TributarySerdes.catalog().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.catalog(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, ServiceCatalog>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records.subList(records.size() - atLeast, records.size());
        }
    }
}
