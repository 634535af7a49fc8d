package io.tributary.aggregator;

import io.tributary.view.Cause;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The cause of a view: the position in the log of the record being processed. */
final class Causes {
    private Causes() {
    }

    static Cause of(ProcessorContext<?, ?> context, String key, Cause.EventKind kind) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        return new Cause(metadata.map(RecordMetadata::topic).orElse(""), metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L), key, kind);
    }
}
