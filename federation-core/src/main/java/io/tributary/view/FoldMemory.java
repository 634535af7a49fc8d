package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import java.util.List;
import java.util.Optional;

/**
 * What the fold keeps between events: the live instances, the curation rules, the fold state, the settings in force
 * and the last view. The aggregator keeps it in Kafka Streams state stores, replay and check in memory
 * ({@link InMemoryFoldMemory}); {@link LogFold} reads and writes it the same way in both.
 */
public interface FoldMemory {

    Optional<ServiceCatalog> instance(String key);

    void putInstance(String key, ServiceCatalog catalog);

    void removeInstance(String key);

    /** The live instances, in key order. */
    List<ServiceCatalog> instances();

    Optional<CurationRule> rule(String id);

    void putRule(String id, CurationRule rule);

    void removeRule(String id);

    /** The curation rules, in id order. */
    List<CurationRule> rules();

    FoldState state();

    void state(FoldState state);

    FoldSettings settings();

    void settings(FoldSettings settings);

    Optional<SchemaView> view();

    void view(SchemaView view);
}
