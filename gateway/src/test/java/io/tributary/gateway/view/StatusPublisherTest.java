package io.tributary.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.RecentOperations;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.status.GatewayStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StatusPublisherTest {
    private final GraphHolder holder = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC()));
    private final KafkaLink link = new KafkaLink("localhost:1", "t.schema", Clock.systemUTC());
    private final MockProducer<String, GatewayStatus> producer = new MockProducer<>(true, null, new StringSerializer(),
            TributarySerdes.gatewayStatus().serializer());

    @Test
    void shouldReportAtStartAndThenEveryInterval() {
        try (StatusPublisher publisher = publisher(() -> producer, Duration.ofMillis(100))) {
            publisher.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() >= 3);
        }
        List<GatewayStatus> sent = values();
        assertThat(sent.getFirst()).satisfies(first -> {
            assertThat(first.gatewayId()).isEqualTo("gw-1");
            assertThat(first.viewVersion()).isZero();
            assertThat(first.connection()).isEqualTo(GatewayStatus.Connection.CONNECTING);
        });
        assertThat(sent.get(2).reportedAt()).isAfter(sent.getFirst().reportedAt());
    }

    @Test
    void shouldReportASwapAndAChangeOfTheLinkWithoutWaitingForTheInterval() {
        try (StatusPublisher publisher = publisher(() -> producer, Duration.ofHours(1))) {
            holder.addListener(publisher);
            publisher.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

            holder.apply(TestViews.view(4, "http://localhost:1", CourseCatalogs.v2("a")));
            await().atMost(Duration.ofSeconds(10)).until(() -> values().stream().anyMatch(s -> s.viewVersion() == 4));
            link.connected("cluster-a");

            await().atMost(Duration.ofSeconds(10)).until(() -> values().stream()
                    .anyMatch(s -> s.viewVersion() == 4 && s.connection() == GatewayStatus.Connection.CONNECTED));
        }
    }

    @Test
    void shouldNameTheRecentlyUsedOperationsTheLastSwapBroke() {
        holder.apply(TestViews.view(1, "http://localhost:1", CourseCatalogs.v2("a")));
        holder.current().orElseThrow().execute(GatewayRequest.of("query Durations { course(id: \"c-1\") { id durationMinutes } }"));
        holder.current().orElseThrow().execute(GatewayRequest.of("{ course(id: \"c-2\") { durationMinutes } }"));
        holder.current().orElseThrow().execute(GatewayRequest.of("query Titles { course(id: \"c-1\") { title } }"));
        try (StatusPublisher publisher = publisher(() -> producer, Duration.ofHours(1))) {
            holder.addListener(publisher);
            publisher.start();

            holder.apply(TestViews.view(2, "http://localhost:1", CourseCatalogs.v1("a")));

            await().atMost(Duration.ofSeconds(10)).until(() -> values().stream().anyMatch(s -> s.viewVersion() == 2));
        }
        GatewayStatus status = values().stream().filter(s -> s.viewVersion() == 2).findFirst().orElseThrow();
        assertThat(status.brokenOperations()).isEqualTo(2);
        assertThat(status.namedBrokenOperations()).extracting(GatewayStatus.BrokenOperation::name)
                .containsExactlyInAnyOrder("Durations", "(anonymous)");
        assertThat(status.namedBrokenOperations()).allSatisfy(broken -> {
            assertThat(broken.hash()).matches("[0-9a-f]{64}");
            assertThat(broken.excerpt()).contains("durationMinutes");
            assertThat(broken.reason()).contains("durationMinutes");
        });
        GatewayStatus.BrokenOperation durations = status.namedBrokenOperations().stream()
                .filter(b -> b.name().equals("Durations")).findFirst().orElseThrow();
        assertThat(durations.hash()).as("the signature hash usage reports give it: literals do not count")
                .isEqualTo(new SwapReport.BrokenOperation(new RecentOperations.Operation(
                        "query Durations { course(id: \"other\") { id durationMinutes } }", "Durations"), List.of()).named().hash());
    }

    @Test
    void shouldNeverThrowWhenKafkaCannotBeReachedAndReportOnceItCan() {
        AtomicInteger attempts = new AtomicInteger();
        try (StatusPublisher publisher = publisher(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new KafkaException("No resolvable bootstrap urls given in bootstrap.servers");
            }
            return producer;
        }, Duration.ofMillis(50))) {
            holder.addListener(publisher);
            publisher.start();
            holder.apply(TestViews.view(1, "http://localhost:1", CourseCatalogs.v2("a")));

            await().atMost(Duration.ofSeconds(10)).until(() -> !producer.history().isEmpty());
        }
        assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRemoveItsStatusWhenClosed() {
        link.connected("cluster-a");
        StatusPublisher publisher = publisher(() -> producer, Duration.ofHours(1)).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        publisher.close();

        ProducerRecord<String, GatewayStatus> last = producer.history().getLast();
        assertThat(last.key()).isEqualTo("gw-1");
        assertThat(last.value()).isNull();
        assertThat(producer.closed()).isTrue();
    }

    private StatusPublisher publisher(java.util.function.Supplier<org.apache.kafka.clients.producer.Producer<String, GatewayStatus>> producers,
                                      Duration interval) {
        return new StatusPublisher(producers, "t.gateway-status", "gw-1", "default", holder, link, interval, Clock.systemUTC());
    }

    private List<GatewayStatus> values() {
        return producer.history().stream().map(ProducerRecord::value).filter(Objects::nonNull).toList();
    }
}
