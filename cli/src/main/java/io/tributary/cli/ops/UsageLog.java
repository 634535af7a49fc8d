package io.tributary.cli.ops;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.usage.UsageWindow;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage topic folded into a {@link UsageWindow} of one graph, for {@code check} and {@code history}. A cluster
 * older than usage reporting has no usage topic: that reads as no window at all, which the commands say. A report that
 * cannot be decoded is skipped (said at debug level), as the other readers of the log do.
 */
final class UsageLog {
    private static final Logger LOG = LoggerFactory.getLogger(UsageLog.class);

    private UsageLog() {
    }

    /** The graph's usage as the topic holds it, or empty when the cluster has no usage topic. */
    static Optional<UsageWindow> read(TopicLog log, Topics topics, String graph) {
        if (!log.exists(topics.usage())) {
            return Optional.empty();
        }
        UsageWindow window = new UsageWindow(graph);
        for (ConsumerRecord<String, byte[]> record : log.readAll(topics.usage())) {
            if (record.value() == null) {
                continue;
            }
            try {
                window.add(TributarySerdes.usage().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                LOG.debug("skipping usage report {}@{}: {}", record.partition(), record.offset(), e.getMessage());
            }
        }
        return Optional.of(window);
    }
}
