package io.tributary.compose;

import graphql.schema.GraphQLNamedType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every named type of the graph being composed, with the definition it came from and which service claimed it
 * first. A later claim with a different definition is a conflict; the same definition is shared. A fork collects
 * one resource's types and joins the registry only when the whole resource composed.
 */
final class TypeRegistry {
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
