package io.tributary.gateway.view;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.Gateway;
import io.tributary.status.GatewayStatus;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the gateway's Kafka tests do to a broker and to a running gateway: publish views, read statuses, ask readiness. */
final class KafkaFixtures {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KafkaFixtures() {
    }

    /** Writes the view to the schema topic, as the aggregator would. */
    static void publish(String bootstrapServers, Topics topics, SchemaView view) {
        publishValues(bootstrapServers, topics, view.graph(), List.of(TributarySerdes.view().serializer().serialize(topics.schema(), view)));
    }

    /** Writes these values to the schema topic under the graph's key, in order, with one producer (so often one batch). */
    static void publishValues(String bootstrapServers, Topics topics, String graph, List<byte[]> values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(topics.schema(), graph, value)));
            }
            for (Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + values.size() + " values to " + topics.schema(), e);
        }
    }

    /** Every status on the gateway-status topic so far, tombstones as nulls. */
    static List<GatewayStatus> statuses(String bootstrapServers, Topics topics, String gatewayId) {
        TopicPartition partition = new TopicPartition(topics.gatewayStatus(), 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            List<GatewayStatus> statuses = new ArrayList<>();
            while (consumer.position(partition, Duration.ofSeconds(10)) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (gatewayId.equals(record.key())) {
                        statuses.add(TributarySerdes.gatewayStatus().deserializer().deserialize(record.topic(), record.value()));
                    }
                }
            }
            return statuses;
        }
    }

    static String clusterId(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> readiness(Gateway gateway) {
        return get(gateway, "/health/readiness");
    }

    static HttpResponse<String> get(Gateway gateway, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(gateway.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(Gateway gateway, String query) {
        String body = "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        try {
            return HTTP.send(HttpRequest.newBuilder(gateway.uri().resolve("/graphql")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long servedVersion(Gateway gateway) {
        return gateway.current().map(g -> g.view().version()).orElse(0L);
    }

    /** A port nothing listens on right now, for a broker that starts later. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
