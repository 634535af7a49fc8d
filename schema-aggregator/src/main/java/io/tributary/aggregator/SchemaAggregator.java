package io.tributary.aggregator;

import io.tributary.avro.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A running aggregator: the topology inside a {@link KafkaStreams} configured to emit a view promptly (commit
 * every 100 ms, no record cache, no producer linger), exactly once by default.
 */
public final class SchemaAggregator implements AutoCloseable {

    /** What an aggregator needs to run; {@link #of(String)} gives the defaults for a bootstrap address. */
    public record Config(String bootstrapServers, String applicationId, Topics topics, String graph, Path stateDir,
                         String processingGuarantee) {
        public static Config of(String bootstrapServers) {
            return new Config(bootstrapServers, "tributary-aggregator", Topics.withDefaultPrefix(), "default",
                    Path.of(System.getProperty("java.io.tmpdir"), "tributary-aggregator-state"),
                    StreamsConfig.EXACTLY_ONCE_V2);
        }

        public Config withStateDir(Path dir) {
            return new Config(bootstrapServers, applicationId, topics, graph, dir, processingGuarantee);
        }
    }

    private final KafkaStreams streams;

    private SchemaAggregator(KafkaStreams streams) {
        this.streams = streams;
    }

    public static SchemaAggregator start(Config config) {
        KafkaStreams streams = new KafkaStreams(AggregatorTopology.build(new StreamsBuilder(), config.topics(),
                AggregatorTopology.Settings.defaults(config.graph())), streamsProperties(config));
        streams.start();
        return new SchemaAggregator(streams);
    }

    static Properties streamsProperties(Config config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        return props;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(10));
    }
}
