package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The fold's memory in plain maps: for replay, check and tests. {@link #copy()} lets check try an event on the side. */
public final class InMemoryFoldMemory implements FoldMemory {
    private final TreeMap<String, ServiceCatalog> instances = new TreeMap<>();
    private final TreeMap<String, CurationRule> rules = new TreeMap<>();
    private FoldState state = FoldState.EMPTY;
    private FoldSettings settings = FoldSettings.DEFAULT;
    private SchemaView view;

    /** An independent copy: what is done to it leaves this one as it is. */
    public InMemoryFoldMemory copy() {
        InMemoryFoldMemory copy = new InMemoryFoldMemory();
        copy.instances.putAll(instances);
        copy.rules.putAll(rules);
        copy.state = state;
        copy.settings = settings;
        copy.view = view;
        return copy;
    }

    @Override
    public Optional<ServiceCatalog> instance(String key) {
        return Optional.ofNullable(instances.get(key));
    }

    @Override
    public void putInstance(String key, ServiceCatalog catalog) {
        instances.put(key, catalog);
    }

    @Override
    public void removeInstance(String key) {
        instances.remove(key);
    }

    @Override
    public List<ServiceCatalog> instances() {
        return List.copyOf(instances.values());
    }

    @Override
    public Optional<CurationRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public void putRule(String id, CurationRule rule) {
        rules.put(id, rule);
    }

    @Override
    public void removeRule(String id) {
        rules.remove(id);
    }

    @Override
    public List<CurationRule> rules() {
        return List.copyOf(rules.values());
    }

    @Override
    public FoldState state() {
        return state;
    }

    @Override
    public void state(FoldState state) {
        this.state = state;
    }

    @Override
    public FoldSettings settings() {
        return settings;
    }

    @Override
    public void settings(FoldSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<SchemaView> view() {
        return Optional.ofNullable(view);
    }

    @Override
    public void view(SchemaView view) {
        this.view = view;
    }
}
