package io.tributary.compose;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.SchemaDocs;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Code;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.fold.EffectiveCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Composes what {@link GraphComposer} composes, byte for byte, from pieces: each resource version and operation field
 * is composed and printed once ({@link Piece}, remembered by everything it depends on: the settings, its service,
 * the resource, and the version suffix and deprecation the other catalogs give it), and every composition replays
 * the pieces in priority order, so a change to one service composes only that service's resources. What depends on
 * the other services is decided again each time, the same way: which service claimed a resource, a field or a type
 * first, the relations (they need their targets), and the SDL, joined from the printed pieces.
 *
 * <p>No graphql-java schema is built for the whole graph: each piece was validated on its own. When a piece is not
 * valid alone, the graph has no result here, and the caller composes it from scratch (which fails as it always did).
 */
public final class IncrementalComposer {
    /** The pieces of the compositions in this process, weighed by the SDL they print: about three Coursera-size graphs. */
    private static final Memo<Object, Piece> PIECES = new Memo<>(16_384, 6_000_000, IncrementalComposer::weight);

    /** Model types with their relation fields, printed, by the piece's type and the relation fields. */
    private static final Memo<Related, PrintedType> RELATED = new Memo<>(8_192, 8_000_000, printed -> printed.sdl().length());

    /** What a relation field of a model type is made of. */
    private record RelationField(String name, String description, String type) {
    }

    /** A piece's model type (equal only to itself) and the relation fields added to it. */
    private record Related(PrintedType piece, List<RelationField> relations) {
    }

    /** What a resource version's piece depends on; its schemas' docs too, which {@code Resource.equals} cannot see. */
    private record ResourceKey(CompositionSettings settings, String service, Resource resource, String docs, String suffix,
                               String deprecation) {
    }

    /**
     * The pieces of resources met again as the very same objects: an unchanged service's effective catalog hands every
     * fold the same resources, and finding their pieces by identity spares collecting their docs and comparing their
     * keys field by field, a third of replaying them (docs/benchmarks.md §1, session 7). A resource met as a new
     * object falls through to {@link #PIECES}.
     */
    private static final Memo<SameResourceKey, Piece> SAME = new Memo<>(16_384, 6_000_000, IncrementalComposer::weight);

    /** {@link ResourceKey} with the resource by identity, which its docs then need not be part of. */
    private record SameResourceKey(CompositionSettings settings, String service, Identity resource, String suffix, String deprecation) {
    }

    /** What an operation field's piece depends on, docs included. */
    private record CallKey(String service, OperationField call, String docs) {
    }

    private final CompositionSettings settings;

    public IncrementalComposer(CompositionSettings settings) {
        this.settings = settings;
    }

    /** The composed graph, or empty when a piece of it is not valid on its own (compose it with {@link GraphComposer}). */
    public Optional<PrintedGraph> compose(List<EffectiveCatalog> catalogs) {
        Assembly assembly = new Assembly();
        Versions versions = Versions.of(catalogs);
        for (EffectiveCatalog catalog : catalogs) {
            assembly.endpoints.add(new ServiceEndpoint(catalog.service(), catalog.baseUrls()));
            for (Resource resource : catalog.resources().stream().sorted(Comparator.comparing(Resource::qualifiedName)).toList()) {
                assembly.add(catalog.service(), resource, versions);
            }
            for (OperationField call : catalog.operations().stream().sorted(Comparator.comparing(OperationField::name)
                    .thenComparing(OperationField::isQuery)).toList()) {
                assembly.add(catalog.service(), call);
            }
        }
        if (!assembly.valid) {
            return Optional.empty();
        }
        new RelationFields(assembly.registry, assembly.included, assembly.routes, assembly.diagnostics,
                name -> assembly.query.containsKey(name) ? assembly.query.get(name).field() : null).addAll();
        return Optional.of(assembly.build());
    }

    /** Sorts as {@code routes.sort(comparing(FieldRoute::coordinate))} (stably), making each coordinate once, not per comparison. */
    private static void sortByCoordinate(List<FieldRoute> routes) {
        record Keyed(String coordinate, FieldRoute route) {
        }
        List<Keyed> keyed = new ArrayList<>(routes.stream().map(r -> new Keyed(r.coordinate(), r)).toList());
        keyed.sort(Comparator.comparing(Keyed::coordinate));
        routes.clear();
        keyed.forEach(k -> routes.add(k.route()));
    }

    /**
     * A model type with its relation fields, printed: relation fields make a new type of the piece's each time,
     * printed once per set of relation fields (by each field's name, description and type: all a relation field has).
     */
    private static PrintedType withRelations(PrintedType piece, GraphQLObjectType type) {
        GraphQLObjectType base = (GraphQLObjectType) piece.type();
        List<RelationField> relations = type.getFieldDefinitions().stream()
                .filter(field -> base.getFieldDefinition(field.getName()) != field)
                .map(field -> new RelationField(field.getName(), field.getDescription(), GraphQLTypeUtil.simplePrint(field.getType())))
                .toList();
        return RELATED.get(new Related(piece, relations), key -> PrintedType.of(type));
    }

    private static long weight(Piece piece) {
        return 100L + piece.types().values().stream().mapToLong(t -> t.sdl().length()).sum()
                + piece.query().stream().mapToLong(f -> f.sdl().length()).sum()
                + piece.mutation().stream().mapToLong(f -> f.sdl().length()).sum();
    }

    /** One composition: the same steps, in the same order, as {@link GraphComposer}'s. */
    private final class Assembly {
        final TypeRegistry registry = new TypeRegistry();
        final Map<String, PrintedType> printed = new HashMap<>();
        final Map<String, ComposedResource> included = new LinkedHashMap<>();
        final TreeMap<String, PrintedField> query = new TreeMap<>();
        final TreeMap<String, PrintedField> mutation = new TreeMap<>();
        final List<FieldRoute> routes = new ArrayList<>();
        final List<ServiceEndpoint> endpoints = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Set<String> failedServices = new LinkedHashSet<>();
        boolean valid = true;

        void add(String service, Resource resource, Versions versions) {
            String where = service + ":" + resource.qualifiedName();
            ComposedResource owner = included.get(resource.qualifiedName());
            if (owner != null) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.RESOURCE_CONFLICT, resource.qualifiedName()
                        + " is already served by service " + owner.service() + "; this one is left out", where));
                return;
            }
            String suffix = versions.suffix(resource);
            String deprecation = versions.deprecation(resource);
            Piece piece = SAME.get(new SameResourceKey(settings, service, new Identity(resource), suffix, deprecation),
                    same -> PIECES.get(new ResourceKey(settings, service, resource, SchemaDocs.of(resource), suffix, deprecation),
                            key -> Piece.of(settings, service, resource, suffix, deprecation)));
            TypeRegistry fork = registry.fork();
            Optional<String> conflict = replay(piece, fork);
            if (conflict.isPresent()) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.TYPE_CONFLICT, conflict.get() + "; "
                        + resource.qualifiedName() + " is left out", where));
                return;
            }
            if (piece.uncomposable() != null) {
                failedServices.add(service);
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.UNCOMPOSABLE, piece.uncomposable(), where));
                return;
            }
            Set<String> taken = new java.util.HashSet<>();
            piece.query().stream().map(PrintedField::name).filter(query::containsKey).forEach(taken::add);
            piece.mutation().stream().map(PrintedField::name).filter(mutation::containsKey).forEach(taken::add);
            if (!taken.isEmpty()) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.FIELD_CONFLICT, "fields " + taken
                        + " are already defined by another resource; " + resource.qualifiedName() + " is left out", where));
                return;
            }
            join(piece, fork);
            included.put(resource.qualifiedName(), piece.resource());
        }

        void add(String service, OperationField call) {
            String where = service + ":" + call.name();
            Map<String, PrintedField> fields = call.isQuery() ? query : mutation;
            if (fields.containsKey(call.name())) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.FIELD_CONFLICT, "the operation field " + call.name()
                        + " is already defined by another resource or operation; this one is left out", where));
                return;
            }
            Piece piece = PIECES.get(new CallKey(service, call, SchemaDocs.of(call)), key -> Piece.of(service, call));
            TypeRegistry fork = registry.fork();
            Optional<String> conflict = replay(piece, fork);
            if (conflict.isPresent()) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.TYPE_CONFLICT, conflict.get() + "; the operation field "
                        + call.name() + " is left out", where));
                return;
            }
            if (piece.uncomposable() != null) {
                failedServices.add(service);
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.UNCOMPOSABLE, piece.uncomposable(), where));
                return;
            }
            join(piece, fork);
        }

        /** Makes the piece's claims again on a fork of this graph's registry; the message of the first conflict, if any. */
        private Optional<String> replay(Piece piece, TypeRegistry fork) {
            for (TypeRegistry.Claim claim : piece.claims()) {
                PrintedType type = piece.types().get(claim.name());
                Optional<String> other = fork.claim(claim, type == null ? null : type.type());
                if (other.isPresent()) {
                    return Optional.of(new TypeConflictException(claim.name(), other.get()).getMessage());
                }
            }
            if (piece.conflicted()) {
                throw new IllegalStateException("a piece that conflicted on its own composed in a graph: " + piece.claims());
            }
            return Optional.empty();
        }

        private void join(Piece piece, TypeRegistry fork) {
            for (GraphQLNamedType type : fork.all()) {
                printed.put(type.getName(), piece.types().get(type.getName()));
            }
            fork.join();
            piece.query().forEach(f -> query.put(f.name(), f));
            piece.mutation().forEach(f -> mutation.put(f.name(), f));
            routes.addAll(piece.routes());
            valid &= piece.valid();
        }

        PrintedGraph build() {
            List<PrintedType> types = new ArrayList<>();
            for (GraphQLNamedType type : registry.all()) {
                PrintedType piece = printed.get(type.getName());
                types.add(piece.type() == type ? piece : withRelations(piece, (GraphQLObjectType) type));
            }
            sortByCoordinate(routes);
            endpoints.sort(Comparator.comparing(ServiceEndpoint::service));
            return new PrintedGraph(PrintedSchema.of(types, query, mutation), new Routing(endpoints, routes), diagnostics,
                    List.copyOf(failedServices));
        }
    }
}
