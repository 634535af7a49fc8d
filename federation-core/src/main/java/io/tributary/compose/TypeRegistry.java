package io.tributary.compose;

import graphql.schema.GraphQLNamedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** One call of {@link #claim}: a name, the definition it was claimed for and by whom. */
    record Claim(String name, Object definition, String owner) {
    }

    private final TypeRegistry parent;
    private final Map<String, Entry> types = new LinkedHashMap<>();
    /** Every claim made on this registry, in order, when it records them (see {@link #recording()}); else null. */
    private final List<Claim> claims;

    TypeRegistry() {
        this(null, null);
    }

    private TypeRegistry(TypeRegistry parent, List<Claim> claims) {
        this.parent = parent;
        this.claims = claims;
    }

    /**
     * An empty registry that remembers every claim made on it, so the claims can be made again, in the same order,
     * on another registry: a piece composed once on its own meets each graph it joins.
     */
    static TypeRegistry recording() {
        return new TypeRegistry(null, new ArrayList<>());
    }

    List<Claim> claims() {
        return List.copyOf(claims);
    }

    TypeRegistry fork() {
        return new TypeRegistry(this, null);
    }

    /** Adds the fork's types to the registry it was forked from. */
    void join() {
        parent.types.putAll(types);
    }

    /** Registers the type, or names the owner of a different definition already registered under its name. */
    Optional<String> claim(GraphQLNamedType type, Object definition, String owner) {
        return claim(type.getName(), type, definition, owner);
    }

    /** Makes a recorded claim again; {@code type} is what the name stands for if the claim registers it. */
    Optional<String> claim(Claim claim, GraphQLNamedType type) {
        return claim(claim.name(), type, claim.definition(), claim.owner());
    }

    private Optional<String> claim(String name, GraphQLNamedType type, Object definition, String owner) {
        if (claims != null) {
            claims.add(new Claim(name, definition, owner));
        }
        if (BUILT_IN.contains(name) || GENERATED_ONLY.contains(name) && !owner.equals(GENERATED)) {
            return Optional.of(GENERATED);
        }
        Entry existing = entry(name);
        if (existing == null) {
            types.put(name, new Entry(type, definition, owner));
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
