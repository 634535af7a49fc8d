package io.tributary.aggregator;

import io.tributary.text.Printable;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A record the aggregator could not use, as it goes to the rejected topic: the original key and value bytes, the
 * reason, and where the original sits in the log. A record too large to copy within the producer's request limit
 * (an input may be as large as the broker allows, and the copy adds headers) keeps its key and is referenced by
 * position instead of copied, so rejecting it can never fail.
 *
 * @param key    the original key bytes, as they were (invalid UTF-8 included)
 * @param value  the original value bytes, or null when the original was a tombstone or too large to copy
 * @param reason why the record was rejected, escaped and bounded
 * @param source where the original is, {@code topic/partition@offset}
 * @param originalSize the original value's size when it was too large to copy, else -1
 */
record Rejection(byte[] key, byte[] value, String reason, String source, int originalSize) {
    /** Largest key plus value copied to the rejected topic: the default request limit (1 MiB) less room for headers. */
    static final int MAX_COPY_BYTES = 1_048_576 - 65_536;

    /** The rejection of the record being processed, located by the context's record metadata. */
    static Rejection at(ProcessingContext context, byte[] key, byte[] value, String reason) {
        return of(key, value, reason, context.recordMetadata().map(RecordMetadata::topic).orElse("?"),
                context.recordMetadata().map(RecordMetadata::partition).orElse(-1),
                context.recordMetadata().map(RecordMetadata::offset).orElse(-1L));
    }

    static Rejection of(byte[] key, byte[] value, String reason, String topic, int partition, long offset) {
        String source = topic + "/" + partition + "@" + offset;
        String printableReason = Printable.of(reason);
        int keyLength = key == null ? 0 : key.length;
        int valueLength = value == null ? 0 : value.length;
        if (keyLength + valueLength <= MAX_COPY_BYTES) {
            return new Rejection(key, value, printableReason, source, -1);
        }
        byte[] keptKey = keyLength <= MAX_COPY_BYTES ? key : null;
        return new Rejection(keptKey, null, printableReason + " (too large to copy: " + (keyLength + valueLength)
                + " bytes; read the original at " + source + ")", source, valueLength);
    }

    RecordHeaders headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.REJECTED_REASON, Headers.bytes(reason));
        headers.add(Headers.REJECTED_SOURCE, Headers.bytes(source));
        if (originalSize >= 0) {
            headers.add(Headers.REJECTED_ORIGINAL_SIZE, Headers.bytes(Integer.toString(originalSize)));
        }
        return headers;
    }
}
