package io.tributary.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.http.RunningGateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.view.KafkaLink;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A real gateway over a real courses service reports what clients execute to the usage topic of the embedded broker. */
class UsageReportingTest {
    @Test
    void the_gateway_publishes_each_operation_with_its_clients_counts_and_coordinates() {
        try (RecordingServer courses = CoursesService.start();
             RunningGateway gateway = RunningGateway.start("UsageReportingTest", Map.of("tributary.gateway.usage.interval", "200ms",
                     "tributary.gateway.serving.gateway-id", "gw-usage"))) {
            gateway.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));

            assertThat(gateway.post(RunningGateway.body("query Course { course(id: \"c-1\") { id title } }"),
                    "Content-Type", "application/json", "apollographql-client-name", "web", "apollographql-client-version", "1.0").statusCode())
                    .isEqualTo(200);
            gateway.post(RunningGateway.body("query Course { c: course(id: \"c-2\") { title id } }"),
                    "Content-Type", "application/json", "graphql-client-name", "web", "graphql-client-version", "1.0");
            gateway.post(RunningGateway.body("query Course { course(id: \"c-1\") { id title } }"), "Content-Type", "application/json");
            gateway.post(RunningGateway.body("{ course(id: \"c-1\") { nope } }"), "Content-Type", "application/json");

            Topics topics = new Topics(gateway.context().getBean(GatewayProperties.class).getTopicPrefix());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<OperationUsage> operations = reports(topics).stream().flatMap(r -> r.operations().stream()).toList();
                assertThat(operations).extracting(OperationUsage::name).containsOnly("Course");
                OperationUsage course = operations.getFirst();
                assertThat(course.coordinates()).containsExactly("Course.id", "Course.title", "Query.course", "Query.course(id:)");
                assertThat(course.document()).doesNotContain("c-1");
                assertThat(operations.stream().flatMap(o -> o.clients().stream()).filter(c -> c.client().equals("web"))
                        .mapToLong(ClientUsage::count).sum()).isEqualTo(2);
                assertThat(operations.stream().flatMap(o -> o.clients().stream()).filter(c -> c.client().isEmpty())
                        .mapToLong(ClientUsage::count).sum()).isEqualTo(1);
            });
            assertThat(reports(topics)).allSatisfy(r -> {
                assertThat(r.gatewayId()).isEqualTo("gw-usage");
                assertThat(r.graph()).isEqualTo("default");
            });
        }
    }

    @Test
    void a_clean_shutdown_sends_what_the_last_interval_counted() {
        Topics topics;
        try (RecordingServer courses = CoursesService.start();
             RunningGateway gateway = RunningGateway.start("UsageReportingTest", Map.of("tributary.gateway.usage.interval", "1h"))) {
            gateway.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));
            topics = new Topics(gateway.context().getBean(GatewayProperties.class).getTopicPrefix());
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.context().getBean(KafkaLink.class).connected());
            gateway.post(RunningGateway.body("query Last { course(id: \"c-1\") { id } }"), "Content-Type", "application/json");
            assertThat(reports(topics)).as("nothing before the interval ends").isEmpty();
        }

        assertThat(reports(topics)).singleElement().satisfies(r -> assertThat(r.operations()).extracting(OperationUsage::name)
                .containsExactly("Last"));
    }

    @Test
    void usage_reporting_can_be_turned_off() {
        try (RunningGateway gateway = RunningGateway.start("UsageReportingTest", Map.of("tributary.gateway.usage.enabled", "false"))) {
            assertThat(gateway.context().findBean(UsageRecorder.class)).isEmpty();
            assertThat(gateway.context().findBean(UsagePublisher.class)).isEmpty();
        }
    }

    private static List<UsageReport> reports(Topics topics) {
        TopicPartition partition = new TopicPartition(topics.usage(), 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            List<UsageReport> reports = new ArrayList<>();
            while (consumer.position(partition, Duration.ofSeconds(10)) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    reports.add(TributarySerdes.usage().deserializer().deserialize(record.topic(), record.value()));
                }
            }
            return reports;
        }
    }
}
