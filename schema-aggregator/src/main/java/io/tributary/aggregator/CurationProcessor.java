package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.curation.CurationRule;
import io.tributary.view.Cause;
import io.tributary.view.ViewFold;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Keeps the current curation rules (key rule id, null removes) and re-folds the graph when they change. */
final class CurationProcessor implements Processor<String, byte[], String, FoldOutput> {
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
    public void process(Record<String, byte[]> record) {
        Cause cause = Causes.of(context, record.key(), Cause.EventKind.CURATED);
        if (record.key() == null) {
            reject(record, "a curation rule needs its id as key");
            return;
        }
        if (record.value() == null) {
            folder.curation().delete(record.key());
        } else {
            CurationRule rule;
            try {
                rule = rules.deserialize(cause.topic(), record.value());
            } catch (RuntimeException e) {
                reject(record, "undecodable curation rule: " + e.getMessage());
                return;
            }
            if (!rule.id().equals(record.key())) {
                reject(record, "curation rule " + rule.id() + " published under key " + record.key());
                return;
            }
            folder.curation().put(record.key(), rule);
        }
        folder.refold(cause, record.timestamp());
    }

    private void reject(Record<String, byte[]> record, String reason) {
        folder.reject(record.key(), record.value(), reason, record.timestamp());
    }
}
