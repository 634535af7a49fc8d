package io.tributary.gateway.view;

import static io.tributary.gateway.view.KafkaFixtures.clusterId;
import static io.tributary.gateway.view.KafkaFixtures.freePort;
import static io.tributary.gateway.view.KafkaFixtures.publish;
import static io.tributary.gateway.view.KafkaFixtures.readiness;
import static io.tributary.gateway.view.KafkaFixtures.servedVersion;
import static io.tributary.gateway.view.KafkaFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.status.GatewayStatus;
import io.tributary.testkit.EmbeddedKafka;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway and a broker that is not there, goes away, comes back as another cluster, or lacks the schema topic: the
 * gateway starts anyway, keeps serving what it has and says so in its readiness, follows the cluster once it answers,
 * and never serves one cluster's view to another.
 */
class KafkaOutageIT {
    private static final String BASE_URL = "http://localhost:1";
    @TempDir
    Path dir;

    @Test
    void shouldFollowTheClusterOnceTheBrokerComesUpAfterTheGatewayStarted() throws Exception {
        int port = freePort();
        Topics topics = new Topics("late-broker");
        Map<String, Object> properties = Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString(),
                "tributary.gateway.serving.gateway-id", "gw-late");
        try (Gateway gateway = Gateway.start(0, "localhost:" + port, topics, properties)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> notReady = readiness(gateway);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).contains("is unreachable since", "disconnected since");
            });
            // Down for longer than any one metadata wait of the Kafka clients (5 s), which used to end the subscriber.
            Thread.sleep(6_000);

            try (EmbeddedKafka kafka = EmbeddedKafka.start(port)) {
                TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
                publish(kafka.bootstrapServers(), topics, TestViews.view(1, BASE_URL, CourseCatalogs.v2("a")));

                await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 1);
                assertThat(readiness(gateway).statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(kafka.bootstrapServers(), topics, "gw-late"))
                        .filteredOn(Objects::nonNull).anySatisfy(status -> {
                            assertThat(status.viewVersion()).isEqualTo(1);
                            assertThat(status.connection()).isEqualTo(GatewayStatus.Connection.CONNECTED);
                            assertThat(status.reportedAt()).isAfter(status.connectionSince().minusSeconds(1));
                        }));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> stale = readiness(gateway);
                assertThat(stale.statusCode()).isEqualTo(200);
                assertThat(stale.body()).contains("serving stale view 1 since", "disconnected since");
            });

            try (EmbeddedKafka another = EmbeddedKafka.start(port)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    HttpResponse<String> withdrawn = readiness(gateway);
                    assertThat(withdrawn.statusCode()).isEqualTo(503);
                    assertThat(withdrawn.body()).contains("view 1 belongs to cluster", "this is cluster " + clusterId(another.bootstrapServers()));
                });
                TopicProvisioner.ensure(another.bootstrapServers(), topics, (short) 1);
                publish(another.bootstrapServers(), topics, TestViews.view(1, BASE_URL, CourseCatalogs.v1("a")));

                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.current()
                        .filter(g -> !g.view().sdl().contains("durationMinutes")).isPresent());
                assertThat(readiness(gateway).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldStopServingACachedViewOnceAnotherClusterAnswers() throws Exception {
        Topics topics = new Topics("two-clusters-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> properties = Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString());
        String firstCluster;
        try (EmbeddedKafka first = EmbeddedKafka.start()) {
            firstCluster = clusterId(first.bootstrapServers());
            TopicProvisioner.ensure(first.bootstrapServers(), topics, (short) 1);
            publish(first.bootstrapServers(), topics, TestViews.view(3, BASE_URL, CourseCatalogs.v2("a")));
            try (Gateway gateway = Gateway.start(0, first.bootstrapServers(), topics, properties)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 3);
            }
        }
        ViewCache cache = new ViewCache(dir.resolve("cache"), topics.prefix() + ".default");
        assertThat(cache.loadWithCluster().orElseThrow().clusterId()).isEqualTo(firstCluster);

        EmbeddedKafka second = EmbeddedKafka.shared();
        String secondCluster = clusterId(second.bootstrapServers());
        TopicProvisioner.ensure(second.bootstrapServers(), topics, (short) 1);
        try (Gateway gateway = Gateway.start(0, second.bootstrapServers(), topics, properties)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> notReady = readiness(gateway);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).contains("cached view 3 belongs to cluster " + firstCluster + ", this is cluster " + secondCluster);
            });
            assertThat(gateway.current()).isEmpty();
            assertThat(cache.file()).doesNotExist();

            publish(second.bootstrapServers(), topics, TestViews.view(1, BASE_URL, CourseCatalogs.v1("a")));

            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 1);
            assertThat(readiness(gateway).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(cache.loadWithCluster().orElseThrow().clusterId()).isEqualTo(secondCluster));
        }
    }

    @Test
    void shouldStartAndSayWhyWhenTheBootstrapHostDoesNotResolve() {
        try (Gateway gateway = Gateway.start(0, "kafka.invalid:9092", new Topics("unresolvable"),
                Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> notReady = readiness(gateway);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).contains("Kafka at kafka.invalid:9092 is unreachable since");
            });
        }
    }

    @Test
    void shouldWaitForAMissingSchemaTopicAndFollowItOnceCreated() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("missing-" + UUID.randomUUID().toString().substring(0, 8));
        try (Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics,
                Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> notReady = readiness(gateway);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).contains("the schema topic " + topics.schema() + " does not exist");
            });

            TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
            publish(kafka.bootstrapServers(), topics, TestViews.view(1, BASE_URL, CourseCatalogs.v2("a")));

            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 1);
        }
    }
}
