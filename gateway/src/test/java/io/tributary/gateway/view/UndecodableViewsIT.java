package io.tributary.gateway.view;

import static io.tributary.gateway.view.KafkaFixtures.publish;
import static io.tributary.gateway.view.KafkaFixtures.publishValues;
import static io.tributary.gateway.view.KafkaFixtures.readiness;
import static io.tributary.gateway.view.KafkaFixtures.servedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records on the schema topic that are not views (garbage, a view's bytes cut short) stop nothing: the gateway serves
 * the newest view that decodes, wherever the others fall in what it reads, and goes on following the topic.
 */
class UndecodableViewsIT {
    private static final String BASE_URL = "http://localhost:1";
    @TempDir
    Path dir;

    @Test
    void shouldServeTheNewestViewThatDecodesAndFollowTheTopicPastTheOthers() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("undecodable-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        SchemaView second = TestViews.view(2, BASE_URL, CourseCatalogs.v2("a"));
        byte[] secondBytes = TributarySerdes.view().serializer().serialize(topics.schema(), second);
        byte[] cutShort = Arrays.copyOf(secondBytes, secondBytes.length / 2);
        byte[] garbage = "not a view at all".getBytes(StandardCharsets.UTF_8);
        try (Gateway gateway = Gateway.start(0, kafka.bootstrapServers(), topics,
                Map.of("tributary.gateway.serving.cache-dir", dir.resolve("cache").toString()))) {
            publishValues(kafka.bootstrapServers(), topics, second.graph(), List.of(garbage,
                    TributarySerdes.view().serializer().serialize(topics.schema(), TestViews.view(1, BASE_URL, CourseCatalogs.v1("a"))),
                    secondBytes, cutShort, garbage));

            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 2);

            publish(kafka.bootstrapServers(), topics, TestViews.view(3, BASE_URL, CourseCatalogs.v2("b")));
            await().atMost(Duration.ofSeconds(60)).until(() -> servedVersion(gateway) == 3);
            assertThat(readiness(gateway).statusCode()).isEqualTo(200);
        }
    }
}
