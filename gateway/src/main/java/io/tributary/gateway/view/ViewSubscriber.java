package io.tributary.gateway.view;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayProperties;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.view.SchemaView;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the schema topic from its beginning with a consumer of its own (no group: every gateway sees every view)
 * and hands the newest view of its graph to the {@link GraphHolder}. A view it cannot decode is logged and skipped.
 */
@Context
@Requires(env = Gateway.ENVIRONMENT)
public class ViewSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(ViewSubscriber.class);

    private final Consumer<String, byte[]> consumer;
    private final Deserializer<SchemaView> views = TributarySerdes.view().deserializer();
    private final String topic;
    private final String graph;
    private final GraphHolder holder;
    private final Thread thread;
    private volatile boolean running = true;

    public ViewSubscriber(GatewayProperties properties, GraphHolder holder) {
        this.topic = new Topics(properties.getTopicPrefix()).schema();
        this.graph = properties.getGraph();
        this.holder = holder;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.getBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "tributary-gateway-views"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("tributary-view-subscriber").daemon().start(this::run);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                ConsumerRecord<String, byte[]> newest = null;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (graph.equals(record.key()) && record.value() != null) {
                        newest = record;
                    }
                }
                if (newest != null) {
                    apply(newest);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("View subscriber stopped");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.warn("Schema topic {} does not exist yet; waiting for it", topic);
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            holder.apply(views.deserialize(topic, record.value()));
        } catch (RuntimeException e) {
            LOG.error("Skipping undecodable view at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
    }
}
