package io.tributary.aggregator;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the broker refuses as too large is dropped with an error log instead of stopping the client: the
 * aggregator bounds what it writes (rejected copies, compressed views), so this only catches what slips past, and one
 * oversized output must not stop every later view. Any other production error fails as Kafka Streams' default does.
 */
public final class OversizedOutputHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OversizedOutputHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            LOG.error("Dropped a record for {} the broker refused as too large ({} bytes of value), produced while processing {}/{}@{}: {}",
                    record.topic(), record.value() == null ? 0 : record.value().length, context.topic(), context.partition(),
                    context.offset(), exception.getMessage());
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
