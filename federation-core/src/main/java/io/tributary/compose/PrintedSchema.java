package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLUnionType;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A composed schema as the printed pieces it is made of: every named type with its SDL, and the root types field by
 * field. Its SDL is exactly what {@link SdlPrinter#print(graphql.schema.GraphQLSchema)} prints for the same schema
 * (types grouped by kind, then by name, as graphql-java orders them), without building that schema: the pieces were
 * printed when they were composed. Checks (lint) and diffs read the types from here instead of parsing the SDL.
 */
public final class PrintedSchema {
    static final String QUERY = "Query";
    static final String MUTATION = "Mutation";
    private static final String QUERY_DESCRIPTION = "Every resource the running services publish, composed by Tributary.";
    private static final String MUTATION_DESCRIPTION = "Every change the running services accept, composed by Tributary.";
    private static final PrintedField EMPTY_QUERY = PrintedField.of(GraphQLFieldDefinition.newFieldDefinition()
            .name(GraphComposer.EMPTY_GRAPH_FIELD)
            .description("No service publishes a resource right now; this field only keeps the schema valid.")
            .type(GraphQLBoolean).build());
    private static final Map<String, PrintedType> SCALARS = CustomScalars.BY_NAME.values().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(GraphQLScalarType::getName, PrintedType::of));
    /** graphql-java's printing order of kinds ({@code DefaultGraphqlTypeComparatorRegistry}), then names. */
    private static final Comparator<PrintedType> ORDER = Comparator.comparingInt((PrintedType t) -> kind(t.type()))
            .thenComparing(PrintedType::name);

    /**
     * Schemas joined lately, by their parts: a graph the fold made before (an instance back, a rollback, replay
     * folding the same instance sets again) keeps its SDL and hash instead of joining and hashing 2 MB again.
     */
    private static final Memo<Parts, PrintedSchema> JOINED = new Memo<>(64, 8_000_000, schema -> schema.sdl().length());

    /**
     * What a schema is joined from, compared element by element by identity: printed pieces come from memos, so the
     * same piece is the same object, and hashing 7,500 types as records (each one's set of references) was an eighth
     * of a composition at Coursera scale (docs/benchmarks.md §1, session 11). Equal pieces that are not the same object only cost a join.
     */
    private record Parts(List<PrintedType> types, List<PrintedField> query, List<PrintedField> mutation) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Parts parts && same(types, parts.types) && same(query, parts.query) && same(mutation, parts.mutation);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * identityHash(types) + identityHash(query)) + identityHash(mutation);
        }

        private static boolean same(List<?> one, List<?> other) {
            if (one.size() != other.size()) {
                return false;
            }
            for (int i = 0; i < one.size(); i++) {
                if (one.get(i) != other.get(i)) {
                    return false;
                }
            }
            return true;
        }

        private static int identityHash(List<?> list) {
            int hash = 1;
            for (Object element : list) {
                hash = 31 * hash + System.identityHashCode(element);
            }
            return hash;
        }
    }

    private final Map<String, PrintedType> types;
    private final Map<String, SortedMap<String, PrintedField>> roots;
    private final String sdl;
    /** Who refers to each type, made when a diff first needs it. */
    private volatile Map<String, List<String>> referrers;
    /** The SHA-256 of the SDL, made when first asked. */
    private volatile String hash;

    private PrintedSchema(Map<String, PrintedType> types, Map<String, SortedMap<String, PrintedField>> roots, String sdl) {
        this.types = types;
        this.roots = roots;
        this.sdl = sdl;
    }

    /**
     * The schema of these types and root fields: a Query ({@code _empty} when no field), a Mutation when there are
     * mutation fields, and the custom scalars anything refers to.
     */
    static PrintedSchema of(Collection<PrintedType> named, SortedMap<String, PrintedField> query,
                            SortedMap<String, PrintedField> mutation) {
        return JOINED.get(new Parts(List.copyOf(named), List.copyOf(query.values()), List.copyOf(mutation.values())),
                parts -> join(named, query, mutation));
    }

    private static PrintedSchema join(Collection<PrintedType> named, SortedMap<String, PrintedField> query,
                                      SortedMap<String, PrintedField> mutation) {
        Map<String, PrintedType> types = new LinkedHashMap<>();
        named.forEach(t -> types.put(t.name(), t));
        Map<String, SortedMap<String, PrintedField>> roots = new LinkedHashMap<>();
        SortedMap<String, PrintedField> queryFields = query.isEmpty() ? new TreeMap<>(Map.of(EMPTY_QUERY.name(), EMPTY_QUERY)) : query;
        roots.put(QUERY, Collections.unmodifiableSortedMap(queryFields));
        types.put(QUERY, root(QUERY, QUERY_DESCRIPTION, queryFields));
        if (!mutation.isEmpty()) {
            roots.put(MUTATION, Collections.unmodifiableSortedMap(mutation));
            types.put(MUTATION, root(MUTATION, MUTATION_DESCRIPTION, mutation));
        }
        List<String> scalars = types.values().stream().flatMap(t -> t.refs().stream()).distinct().filter(SCALARS::containsKey).toList();
        scalars.forEach(s -> types.put(s, SCALARS.get(s)));
        List<PrintedType> ordered = types.values().stream().sorted(ORDER).toList();
        StringBuilder sdl = new StringBuilder(ordered.stream().mapToInt(t -> t.sdl().length()).sum());
        ordered.forEach(t -> sdl.append(t.sdl()));
        // graphql-java's printer ends the schema with one newline, not the blank line after each type.
        if (sdl.length() >= 2 && sdl.charAt(sdl.length() - 1) == '\n' && sdl.charAt(sdl.length() - 2) == '\n') {
            sdl.setLength(sdl.length() - 1);
        }
        return new PrintedSchema(Collections.unmodifiableMap(types), Collections.unmodifiableMap(roots), sdl.toString());
    }

    private static PrintedType root(String name, String description, SortedMap<String, PrintedField> fields) {
        GraphQLObjectType type = GraphQLObjectType.newObject().name(name).description(description)
                .fields(fields.values().stream().map(PrintedField::field).toList()).build();
        String head = SdlPrinter.print(GraphQLObjectType.newObject().name(name).description(description).build());
        StringBuilder sdl = new StringBuilder(head.substring(0, head.length() - 2)).append(" {\n");
        java.util.Set<String> refs = new java.util.TreeSet<>();
        for (PrintedField field : fields.values()) {
            sdl.append(field.sdl());
            refs.addAll(field.refs());
        }
        return new PrintedType(type, sdl.append("}\n\n").toString(), refs);
    }

    private static int kind(GraphQLNamedType type) {
        return switch (type) {
            case GraphQLInterfaceType t -> 2;
            case GraphQLUnionType t -> 3;
            case GraphQLObjectType t -> 4;
            case GraphQLEnumType t -> 5;
            case GraphQLScalarType t -> 6;
            case GraphQLInputObjectType t -> 7;
            default -> 0;
        };
    }

    /** The SDL, as {@link SdlPrinter} prints the same schema. */
    public String sdl() {
        return sdl;
    }

    /** Every named type but GraphQL's own scalars, by name, the root types and the custom scalars among them. */
    public Map<String, PrintedType> types() {
        return types;
    }

    /** SHA-256 of the SDL, hex, as {@link ComposedGraph#hash()} (made once per schema). */
    public String hash() {
        String known = hash;
        if (known == null) {
            known = ComposedGraph.hash(sdl);
            hash = known;
        }
        return known;
    }

    /** For each type name, the types that refer to it (made once per schema: two diffs read each schema). */
    public Map<String, List<String>> referrers() {
        Map<String, List<String>> known = referrers;
        if (known == null) {
            Map<String, List<String>> made = new java.util.HashMap<>();
            types.values().forEach(t -> t.refs().forEach(ref -> made.computeIfAbsent(ref, r -> new java.util.ArrayList<>()).add(t.name())));
            known = Collections.unmodifiableMap(made);
            referrers = known;
        }
        return known;
    }

    /** The fields of a root type ({@code Query}, {@code Mutation}) by name; empty when the schema has no such root. */
    public SortedMap<String, PrintedField> rootFields(String root) {
        return roots.getOrDefault(root, Collections.emptySortedMap());
    }
}
