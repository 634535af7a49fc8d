package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.curation.CurationRule;
import io.tributary.view.Cause;
import io.tributary.view.ViewFold;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current curation rules (key rule id, null removes) and re-folds the graph when they change. A rule it
 * cannot decode or fold is rejected with the reason, its effect undone, and the stream goes on.
 */
final class CurationProcessor implements Processor<byte[], byte[], String, FoldOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CurationProcessor.class);

    private final String graph;
    private final ViewFold fold;
    private final AggregatorMetrics metrics;
    private final Deserializer<CurationRule> rules = TributarySerdes.curation().deserializer();
    private ProcessorContext<String, FoldOutput> context;
    private GraphFolder folder;

    CurationProcessor(String graph, ViewFold fold, AggregatorMetrics metrics) {
        this.graph = graph;
        this.fold = fold;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutput> context) {
        this.context = context;
        this.folder = new GraphFolder(graph, fold, metrics, context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = RecordKeys.decode(record.key()).orElse(null);
        if (key == null) {
            reject(record, record.key() == null ? "a curation rule needs its id as key" : "the key is not valid UTF-8; a curation rule's key is its id");
            return;
        }
        Cause cause = Causes.of(context, key, Cause.EventKind.CURATED);
        CurationRule previous = folder.curation().get(key);
        try {
            if (record.value() == null) {
                folder.curation().delete(key);
            } else {
                CurationRule rule = decode(record.value(), cause);
                if (!rule.id().equals(key)) {
                    throw new UnusableEventException("curation rule " + rule.id() + " published under key " + key);
                }
                folder.curation().put(key, rule);
            }
            folder.refold(cause, record.timestamp());
        } catch (UnusableEventException e) {
            restore(key, previous);
            reject(record, e.getMessage());
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Folding the curation rule {} failed; rejecting it and keeping the last view", GraphFolder.printableKey(record.key()), e);
            restore(key, previous);
            reject(record, "folding failed: " + e);
        }
    }

    private CurationRule decode(byte[] value, Cause cause) {
        try {
            return rules.deserialize(cause.topic(), value);
        } catch (RuntimeException e) {
            throw new UnusableEventException("undecodable curation rule: " + e.getMessage());
        }
    }

    private void restore(String key, CurationRule previous) {
        if (previous == null) {
            folder.curation().delete(key);
        } else {
            folder.curation().put(key, previous);
        }
    }

    private void reject(Record<byte[], byte[]> record, String reason) {
        folder.reject(record.key(), record.value(), reason, record.timestamp());
    }
}
