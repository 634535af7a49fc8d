package io.tributary.aggregator;

import io.tributary.avro.CatalogEvents;
import io.tributary.avro.TributarySerdes;
import io.tributary.curation.CurationRule;
import io.tributary.text.Printable;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays curation changes into the catalog log, where the fold reads them in one order with everything else: two input
 * topics would leave the order of equal timestamps to Kafka Streams, and no replay could be sure to match it. A rule
 * that cannot be decoded, or sits under another rule's id, is rejected here with its original bytes.
 */
final class CurationRelay implements Processor<byte[], byte[], String, FoldOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CurationRelay.class);

    private final AggregatorMetrics metrics;
    private ProcessorContext<String, FoldOutput> context;

    CurationRelay(AggregatorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutput> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String id = CatalogEvents.keyText(record.key()).orElse(null);
        if (id == null) {
            reject(record, record.key() == null ? "a curation rule needs its id as key" : "the key is not valid UTF-8; a curation rule's key is its id");
            return;
        }
        if (record.value() != null) {
            CurationRule rule;
            try {
                rule = TributarySerdes.curation().deserializer().deserialize("", record.value());
            } catch (RuntimeException e) {
                reject(record, "undecodable curation rule: " + e.getMessage());
                return;
            }
            if (!rule.id().equals(id)) {
                reject(record, "curation rule " + rule.id() + " published under key " + id);
                return;
            }
        }
        context.forward(new Record<String, FoldOutput>(null, new FoldOutput.Relayed(CatalogEvents.curationKey(id), record.value()),
                record.timestamp(), CatalogEvents.curationHeaders()));
    }

    private void reject(Record<byte[], byte[]> record, String reason) {
        Rejection rejection = Rejection.at(context, record.key(), record.value(), reason);
        LOG.warn("Rejected the curation rule with key {} at {}: {}", LogFoldProcessor.printableKey(record.key()), rejection.source(),
                Printable.of(rejection.reason()));
        metrics.rejected();
        context.forward(new Record<String, FoldOutput>(null, new FoldOutput.Rejected(rejection), record.timestamp(), rejection.headers()));
    }
}
