package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Code;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.fold.EffectiveCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Composes the effective catalogs of all services (their resources, then their operation fields) into one GraphQL
 * schema and the routing that executes it.
 * Services come in priority order (who claimed a name first keeps it); within that, everything is sorted, so the
 * same catalogs always print the same SDL. A resource that cannot join the graph (a type or field another service
 * owns, a model GraphQL cannot express) is left out with an error; the schema is built and validated with
 * graphql-java before its SDL leaves this class.
 */
public final class GraphComposer {
    static final String EMPTY_GRAPH_FIELD = "_empty";

    private final CompositionSettings settings;

    public GraphComposer(CompositionSettings settings) {
        this.settings = settings;
    }

    public GraphComposer() {
        this(CompositionSettings.DEFAULT);
    }

    public ComposedGraph compose(List<EffectiveCatalog> catalogs) {
        Composition composition = new Composition();
        Versions versions = Versions.of(catalogs);
        for (EffectiveCatalog catalog : catalogs) {
            composition.endpoints.add(new ServiceEndpoint(catalog.service(), catalog.baseUrls()));
            for (Resource resource : catalog.resources().stream().sorted(Comparator.comparing(Resource::qualifiedName)).toList()) {
                composition.add(catalog.service(), resource, versions);
            }
            for (OperationField call : catalog.operations().stream().sorted(Comparator.comparing(OperationField::name)
                    .thenComparing(OperationField::isQuery)).toList()) {
                composition.add(catalog.service(), call);
            }
        }
        new RelationFields(composition.registry, composition.included, composition.routes, composition.diagnostics,
                composition.query::get).addAll();
        return composition.build();
    }

    /** The state of one composition run. */
    private final class Composition {
        final TypeRegistry registry = new TypeRegistry();
        final PagingTypes paging = new PagingTypes(registry);
        final Map<String, ComposedResource> included = new LinkedHashMap<>();
        final Map<String, GraphQLFieldDefinition> query = new TreeMap<>();
        final Map<String, GraphQLFieldDefinition> mutation = new TreeMap<>();
        final List<FieldRoute> routes = new ArrayList<>();
        final List<ServiceEndpoint> endpoints = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Set<String> failedServices = new LinkedHashSet<>();

        void add(String service, Resource resource, Versions versions) {
            String where = service + ":" + resource.qualifiedName();
            ComposedResource owner = included.get(resource.qualifiedName());
            if (owner != null) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.RESOURCE_CONFLICT, resource.qualifiedName()
                        + " is already served by service " + owner.service() + "; this one is left out", where));
                return;
            }
            String suffix = versions.suffix(resource);
            TypeRegistry fork = registry.fork();
            try {
                ModelTypes types = new ModelTypes(fork, service, suffix);
                String modelType = types.modelType(resource.model(), resource.keyField());
                ResourceFields.Added fields = new ResourceFields(settings, new PagingTypes(fork), service, resource, suffix,
                        modelType, types, versions.deprecation(resource)).build();
                Set<String> taken = taken(fields);
                if (!taken.isEmpty()) {
                    diagnostics.add(new Diagnostic(Severity.ERROR, Code.FIELD_CONFLICT, "fields " + taken
                            + " are already defined by another resource; " + resource.qualifiedName() + " is left out", where));
                    return;
                }
                fork.join();
                fields.query().forEach(f -> query.put(f.getName(), f));
                fields.mutation().forEach(f -> mutation.put(f.getName(), f));
                routes.addAll(fields.routes());
                included.put(resource.qualifiedName(), new ComposedResource(service, resource, modelType, suffix));
            } catch (TypeConflictException e) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.TYPE_CONFLICT, e.getMessage() + "; "
                        + resource.qualifiedName() + " is left out", where));
            } catch (UncomposableException | graphql.AssertException e) {
                // graphql-java's own builders assert what GraphQL allows; anything else thrown here is a bug and fails loudly.
                failedServices.add(service);
                diagnostics.add(new Diagnostic(Severity.ERROR, Diagnostic.Code.UNCOMPOSABLE, resource.qualifiedName()
                        + " cannot be expressed in GraphQL: " + e.getMessage(), where));
            }
        }

        void add(String service, OperationField call) {
            String where = service + ":" + call.name();
            Map<String, GraphQLFieldDefinition> fields = call.isQuery() ? query : mutation;
            if (fields.containsKey(call.name())) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.FIELD_CONFLICT, "the operation field " + call.name()
                        + " is already defined by another resource or operation; this one is left out", where));
                return;
            }
            TypeRegistry fork = registry.fork();
            try {
                CallField.Added added = new CallField(new ModelTypes(fork, service, ""), service, call).build();
                fork.join();
                fields.put(call.name(), added.field());
                routes.add(added.route());
            } catch (TypeConflictException e) {
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.TYPE_CONFLICT, e.getMessage() + "; the operation field "
                        + call.name() + " is left out", where));
            } catch (UncomposableException | graphql.AssertException e) {
                failedServices.add(service);
                diagnostics.add(new Diagnostic(Severity.ERROR, Code.UNCOMPOSABLE, "the operation field " + call.name()
                        + " cannot be expressed in GraphQL: " + e.getMessage(), where));
            }
        }

        private Set<String> taken(ResourceFields.Added fields) {
            Set<String> taken = new HashSet<>();
            fields.query().stream().map(GraphQLFieldDefinition::getName).filter(query::containsKey).forEach(taken::add);
            fields.mutation().stream().map(GraphQLFieldDefinition::getName).filter(mutation::containsKey).forEach(taken::add);
            return taken;
        }

        ComposedGraph build() {
            GraphQLObjectType.Builder queryType = GraphQLObjectType.newObject().name("Query")
                    .description("Every resource the running services publish, composed by Tributary.");
            if (query.isEmpty()) {
                queryType.field(GraphQLFieldDefinition.newFieldDefinition().name(EMPTY_GRAPH_FIELD)
                        .description("No service publishes a resource right now; this field only keeps the schema valid.")
                        .type(GraphQLBoolean));
            }
            query.values().forEach(queryType::field);
            GraphQLSchema.Builder schema = GraphQLSchema.newSchema().query(queryType.build());
            if (!mutation.isEmpty()) {
                GraphQLObjectType.Builder mutationType = GraphQLObjectType.newObject().name("Mutation")
                        .description("Every change the running services accept, composed by Tributary.");
                mutation.values().forEach(mutationType::field);
                schema.mutation(mutationType.build());
            }
            // Composition only prints the schema; the gateway resolves abstract types when it executes one.
            GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
            registry.all().stream()
                    .filter(t -> t instanceof GraphQLInterfaceType || t instanceof GraphQLUnionType)
                    .forEach(t -> code.typeResolver(t.getName(), env -> null));
            GraphQLSchema built = schema.codeRegistry(code.build()).additionalTypes(new HashSet<GraphQLNamedType>(registry.all())).build();
            routes.sort(Comparator.comparing(FieldRoute::coordinate));
            // Services compose in the order they claimed their names, but the routing lists them by name: a view must
            // read back from the log equal to the view written, or every republish after a restart looks like a change.
            endpoints.sort(Comparator.comparing(ServiceEndpoint::service));
            return new ComposedGraph(SdlPrinter.print(built), new Routing(endpoints, routes), diagnostics, List.copyOf(failedServices), built);
        }
    }
}
