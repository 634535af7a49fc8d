package io.tributary.aggregator;

import io.tributary.text.Printable;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line behind the processors' own rejection: an exception that still escapes a processor (or a punctuation)
 * sends the input record to the rejected topic with its original bytes and the reason, and the stream goes on. Without
 * it, Kafka Streams would stop the client, and after a restart stop again at the same offset.
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {
    /** The Streams property naming the rejected topic; set by {@link SchemaAggregator}. */
    public static final String REJECTED_TOPIC_CONFIG = "tributary.rejected.topic";
    private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingHandler.class);

    private String rejectedTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(REJECTED_TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalArgumentException(REJECTED_TOPIC_CONFIG + " is required by " + getClass().getSimpleName());
        }
        rejectedTopic = topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error("Processing the record at {}/{}@{} in {} failed; rejecting it and going on", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), exception);
        if (context.topic() == null) {
            return Response.resume();
        }
        Rejection rejection = Rejection.of(context.sourceRawKey(), context.sourceRawValue(),
                "processing failed in " + context.processorNodeId() + ": " + Printable.of(String.valueOf(exception)),
                context.topic(), context.partition(), context.offset());
        return Response.resume(List.of(new ProducerRecord<>(rejectedTopic, null, rejection.key(), rejection.value(), rejection.headers())));
    }
}
