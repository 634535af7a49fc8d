package io.tributary.gateway.view;

import static io.tributary.gateway.view.KafkaFixtures.post;
import static io.tributary.gateway.view.KafkaFixtures.publish;
import static io.tributary.gateway.view.KafkaFixtures.readiness;
import static io.tributary.gateway.view.KafkaFixtures.servedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.testkit.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests the gateway refuses (limits, bad-faith introspection) must not keep it from taking the next view. */
class RefusedRequestsIT {
    private static final String BASE_URL = "http://localhost:1";
    @TempDir
    Path dir;

    @Test
    void shouldServeTheNextViewAfterRequestsTheGatewayRefused() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("refused-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        publish(kafka.bootstrapServers(), topics, TestViews.view(1, BASE_URL, CourseCatalogs.v2("a")));
        try (Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics, Map.of(
                "tributary.gateway.serving.cache-dir", dir.toString(),
                "tributary.gateway.limits.introspection", false,
                "tributary.gateway.limits.max-depth", 1))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 1);

            assertThat(post(gateway, "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }")
                    .body()).contains("errors");
            assertThat(post(gateway, "{ __schema { types { name } } }").body()).contains("INTROSPECTION_DISABLED");
            assertThat(post(gateway, "{ course(id: \"c-1\") { id } }").body()).contains("MAX_DEPTH_EXCEEDED");

            publish(kafka.bootstrapServers(), topics, TestViews.view(2, BASE_URL, CourseCatalogs.v1("a")));

            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 2);
            assertThat(readiness(gateway).statusCode()).isEqualTo(200);
        }
    }
}
