package io.tributary.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapping;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus document served for real: a stub service generated from the document answers with samples of its
 * responses, the document's catalog is composed and executed by the gateway's own factory, and for each kind of
 * operation the document maps (GET, FINDER, CREATE, ..., operation fields) one root field runs, with its leaves and
 * its relations' leaves. The field must answer without errors, its first call must reach the operation of the
 * document it was mapped from, and every call an operation of the document. And for each kind of relation the document
 * has (forward, reverse, call), one runs below a root field answering its parent: it must answer, by a call to its
 * target's operation.
 */
class CorpusExecutionTest {
    private static final Path CORPUS = Path.of("../catalog-publisher/src/test/resources/openapi-corpus");

    static List<String> documents() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") || f.endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void shouldAnswerOneFieldOfEachKindFromAStubOfTheDocument(String document) throws IOException {
        String location = CORPUS.resolve(document).toString();
        OpenApiMapping mapping = OpenApiCatalogReader.read(location);
        if (mapping.resources().isEmpty() && mapping.operations().isEmpty()) {
            assertThat(mapping.unmapped()).as("a document that maps to nothing says why").isNotEmpty();
            return;
        }
        try (StubService stub = new StubService(OpenApiCatalogReader.parse(location, Files.readString(CORPUS.resolve(document))));
             RestClient client = new RestClient(RestSettings.defaults(), new SimpleMeterRegistry())) {
            SchemaView view = view(mapping, stub);
            ExecutableGraph graph = new ExecutableGraphFactory(client, List.of(), Clock.systemUTC()).build(view);
            GraphQLSchema schema = graph.graphQL().getGraphQLSchema();

            Map<OperationKind, FieldRoute> oneOfEachKind = view.routing().fields().stream()
                    .filter(route -> route.link() instanceof FieldRoute.Link.Root)
                    .filter(route -> route.shape() == FieldRoute.Shape.SINGLE || route.shape() == FieldRoute.Shape.LIST)
                    .collect(Collectors.toMap(route -> route.operation().kind(), route -> route, (first, other) -> first,
                            () -> new EnumMap<>(OperationKind.class)));
            for (FieldRoute route : oneOfEachKind.values()) {
                stub.clear();
                String query = query(schema, route);
                ExecutionResult result = graph.execute(GatewayRequest.of(query));

                assertThat(result.getErrors()).as("%s: %s", document, query).isEmpty();
                assertThat(stub.hits()).as("%s: %s", document, query).isNotEmpty()
                        .allSatisfy(hit -> assertThat(hit.operation()).as("%s: %s reached %s", document, query, hit.uri()).isPresent());
                // The catalog names path variables as their arguments ({user-id} is {userId}): compare the templates without them.
                assertThat(stub.hits().getFirst().operation().map(CorpusExecutionTest::shape)).as("%s: %s", document, query)
                        .contains(shape(route.operation().httpMethod() + " " + route.operation().path()));
            }
        }
    }

    /** The document's mapping published by one instance at the stub's address, folded as the aggregator folds it. */
    private static SchemaView view(OpenApiMapping mapping, StubService stub) {
        ServiceCatalog catalog = new ServiceCatalog("corpus", "i-1", "1", Instant.EPOCH, stub.baseUrl(), 30_000,
                mapping.resources(), mapping.operations());
        return new ViewFold("default").next(Optional.empty(), List.of(catalog), FoldState.EMPTY, List.of(),
                new Cause("t", 0, 1, "corpus/i-1"), Instant.EPOCH).view().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void shouldAnswerOneRelationOfEachKindByACallToItsTarget(String document) throws IOException {
        String location = CORPUS.resolve(document).toString();
        OpenApiMapping mapping = OpenApiCatalogReader.read(location);
        try (StubService stub = new StubService(OpenApiCatalogReader.parse(location, Files.readString(CORPUS.resolve(document))));
             RestClient client = new RestClient(RestSettings.defaults(), new SimpleMeterRegistry())) {
            SchemaView view = view(mapping, stub);
            ExecutableGraph graph = new ExecutableGraphFactory(client, List.of(), Clock.systemUTC()).build(view);
            GraphQLSchema schema = graph.graphQL().getGraphQLSchema();

            Map<Class<?>, FieldRoute> oneOfEachKind = new java.util.LinkedHashMap<>();
            for (FieldRoute relation : view.routing().fields()) {
                boolean answerable = switch (relation.link()) {
                    // A key the model leaves out is not in the stub's samples: UndeclaredLinkKeyTest answers one.
                    case FieldRoute.Link.Forward forward -> schema.getObjectType(relation.parentType()).getFieldDefinition(forward.sourceField()) != null;
                    case FieldRoute.Link.Reverse reverse -> true;
                    case FieldRoute.Link.Call call -> true;
                    default -> false;
                };
                if (answerable && root(view, schema, relation).isPresent()) {
                    oneOfEachKind.putIfAbsent(relation.link().getClass(), relation);
                }
            }
            for (FieldRoute relation : oneOfEachKind.values()) {
                FieldRoute root = root(view, schema, relation).orElseThrow();
                GraphQLFieldDefinition field = schema.getObjectType(relation.parentType()).getFieldDefinition(relation.field());
                String query = query(schema, root, " { __typename " + relation.field() + selection(field.getType(), 1) + " }");
                stub.clear();

                ExecutionResult result = graph.execute(GatewayRequest.of(query));

                assertThat(result.getErrors()).as("%s: %s", document, query).isEmpty();
                Object parent = ((Map<?, ?>) result.getData()).get(root.field());
                Object answer = ((Map<?, ?>) (parent instanceof List<?> list ? list.getFirst() : parent)).get(relation.field());
                assertThat(answer).as("%s: %s answers %s", document, query, result.getData())
                        .isNotNull().satisfies(a -> assertThat(a instanceof List<?> list ? list : List.of(a)).isNotEmpty());
                assertThat(stub.hits()).as("%s: %s", document, query)
                        .allSatisfy(hit -> assertThat(hit.operation()).as("%s reached %s", query, hit.uri()).isPresent());
                // The root's call first, then the relation's own.
                assertThat(stub.hits().subList(1, stub.hits().size())).as("%s: %s made %s", document, query, stub.hits())
                        .extracting(hit -> shape(hit.operation().orElseThrow()))
                        .contains(shape(relation.operation().httpMethod() + " " + relation.operation().path()));
            }
            List<String> kinds = view.routing().fields().stream().map(FieldRoute::link)
                    .filter(l -> l instanceof FieldRoute.Link.Forward || l instanceof FieldRoute.Link.Reverse || l instanceof FieldRoute.Link.Call)
                    .map(l -> l.getClass().getSimpleName()).distinct().sorted().toList();
            assertThat(oneOfEachKind.keySet()).extracting(Class::getSimpleName).as("%s: a relation of each kind it has ran", document)
                    .containsExactlyInAnyOrderElementsOf(kinds);
        }
    }

    /**
     * A Query field answering the relation's type or a list of it by an operation other than the relation's (so that
     * the relation's call is its own): where the relation is reached.
     */
    private static Optional<FieldRoute> root(SchemaView view, GraphQLSchema schema, FieldRoute relation) {
        String type = relation.parentType();
        return view.routing().fields().stream()
                .filter(route -> route.parentType().equals("Query") && route.link() instanceof FieldRoute.Link.Root)
                .filter(route -> route.shape() == FieldRoute.Shape.SINGLE || route.shape() == FieldRoute.Shape.LIST)
                .filter(route -> !route.operation().equals(relation.operation()))
                .filter(route -> GraphQLTypeUtil.unwrapAll(schema.getQueryType().getFieldDefinition(route.field()).getType()) instanceof GraphQLObjectType o
                        && o.getName().equals(type))
                .min(java.util.Comparator.comparing(route -> route.shape() == FieldRoute.Shape.SINGLE ? 0 : 1));
    }

    private static String shape(String request) {
        return request.replaceAll("\\{[^}/]*}", "{}");
    }

    /** {@code mutation { petUpdate(id: "1", input: {...}) { id name } }}: the field with its required arguments and its leaves. */
    private static String query(GraphQLSchema schema, FieldRoute route) {
        GraphQLObjectType root = route.parentType().equals("Query") ? schema.getQueryType() : schema.getMutationType();
        return query(schema, route, selection(root.getFieldDefinition(route.field()).getType(), 0));
    }

    /** The field with its required arguments and this selection. */
    private static String query(GraphQLSchema schema, FieldRoute route, String selection) {
        GraphQLObjectType root = route.parentType().equals("Query") ? schema.getQueryType() : schema.getMutationType();
        GraphQLFieldDefinition field = root.getFieldDefinition(route.field());
        List<String> arguments = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (GraphQLTypeUtil.isNonNull(argument.getType())) {
                arguments.add(argument.getName() + ": " + value(argument.getType(), 0));
            }
        }
        return (route.parentType().equals("Query") ? "query" : "mutation") + " { " + field.getName()
                + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + selection + " }";
    }

    private static String selection(GraphQLOutputType type, int depth) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (!(unwrapped instanceof GraphQLFieldsContainer container)) {
            return unwrapped instanceof GraphQLScalarType || unwrapped instanceof GraphQLEnumType ? "" : " { __typename }";
        }
        List<String> leaves = new ArrayList<>(List.of("__typename"));
        for (GraphQLFieldDefinition child : container.getFieldDefinitions()) {
            if (child.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()))) {
                continue;
            }
            GraphQLType leaf = GraphQLTypeUtil.unwrapAll(child.getType());
            if (leaf instanceof GraphQLScalarType || leaf instanceof GraphQLEnumType) {
                leaves.add(child.getName());
            } else if (depth < 1 && leaf instanceof GraphQLObjectType) {
                leaves.add(child.getName() + selection(child.getType(), depth + 1));
            }
        }
        return " { " + String.join(" ", leaves) + " }";
    }

    /** A literal of the sample values the stub also uses: {@code "1"} for ids and strings, 1, 1.5, true, the first enum value. */
    private static String value(GraphQLInputType type, int depth) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list) {
            return "[" + value((GraphQLInputType) list.getWrappedType(), depth) + "]";
        }
        if (unwrapped instanceof GraphQLEnumType enumeration) {
            return enumeration.getValues().getFirst().getName();
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            List<String> fields = new ArrayList<>();
            object.getFieldDefinitions().stream().filter(f -> GraphQLTypeUtil.isNonNull(f.getType()) && depth < 5)
                    .forEach(f -> fields.add(f.getName() + ": " + value(f.getType(), depth + 1)));
            return "{" + String.join(", ", fields) + "}";
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "Int", "Long" -> "1";
            case "Float" -> "1.5";
            case "Boolean" -> "true";
            case "DateTime" -> "\"2026-01-01T00:00:00Z\"";
            case "Date" -> "\"2026-01-01\"";
            case "UUID" -> "\"00000000-0000-0000-0000-000000000001\"";
            case "BigDecimal" -> "\"1.5\"";
            case "JSON" -> "{}";
            default -> "\"1\"";
        };
    }
}
