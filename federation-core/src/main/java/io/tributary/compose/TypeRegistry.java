package io.tributary.compose;

import graphql.schema.GraphQLNamedType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every named type of the graph being composed, with the definition it came from and which service claimed it
 * first. A later claim with a different definition is a conflict; the same definition is shared. A fork collects
 * one resource's types and joins the registry only when the whole resource composed. Names the graph itself uses
 * (the root types, GraphQL's and Tributary's scalars, the shared paging types) can never be claimed by a model: a
 * service whose model is called {@code Query} or {@code ID} would otherwise make every view invalid.
 */
final class TypeRegistry {
    /** The owner of the types Tributary generates itself (paging types). */
    static final String GENERATED = "";
    private static final Set<String> BUILT_IN = Stream.concat(
            Stream.of("Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID"),
            CustomScalars.BY_NAME.keySet().stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> GENERATED_ONLY = Set.of(PagingTypes.PAGE_INFO, PagingTypes.PAGINATED);

    private record Entry(GraphQLNamedType type, Object definition, String owner) {
    }

    private final TypeRegistry parent;
    private final Map<String, Entry> types = new LinkedHashMap<>();

    TypeRegistry() {
        this(null);
    }

    private TypeRegistry(TypeRegistry parent) {
        this.parent = parent;
    }

    TypeRegistry fork() {
        return new TypeRegistry(this);
    }

    /** Adds the fork's types to the registry it was forked from. */
    void join() {
        parent.types.putAll(types);
    }

    /** Registers the type, or names the owner of a different definition already registered under its name. */
    Optional<String> claim(GraphQLNamedType type, Object definition, String owner) {
        if (BUILT_IN.contains(type.getName()) || GENERATED_ONLY.contains(type.getName()) && !owner.equals(GENERATED)) {
            return Optional.of(GENERATED);
        }
        Entry existing = entry(type.getName());
        if (existing == null) {
            types.put(type.getName(), new Entry(type, definition, owner));
            return Optional.empty();
        }
        return existing.definition().equals(definition) ? Optional.empty() : Optional.of(existing.owner());
    }

    boolean contains(String name) {
        return entry(name) != null;
    }

    /** Replaces a registered type's definition in the schema (to add relation fields), keeping its claim. */
    void replace(GraphQLNamedType type) {
        Entry entry = entry(type.getName());
        types.put(type.getName(), new Entry(type, entry.definition(), entry.owner()));
    }

    GraphQLNamedType get(String name) {
        return entry(name).type();
    }

    Collection<GraphQLNamedType> all() {
        return types.values().stream().map(Entry::type).toList();
    }

    private Entry entry(String name) {
        Entry entry = types.get(name);
        return entry != null || parent == null ? entry : parent.entry(name);
    }
}
