package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaPrinter;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.catalog.SyntheticGraph;
import io.tributary.compose.Routing;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A graph built from the graph before it is the graph a build from scratch gives: the same schema (printed with every
 * directive, and introspected), the same fetcher on every field, the same refusals; over random sequences of views.
 */
class IncrementalBuildTest {
    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives(true).includeScalarTypes(true).includeIntrospectionTypes(false));
    private final ExecutableGraphFactory factory = new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC());

    /** One step of a raw-SDL sequence: the kind and the shape of each of a few types. */
    record TypeSpec(int kind, int seed, boolean described) {
    }

    @Provide
    Arbitrary<List<List<TypeSpec>>> sdlSequences() {
        Arbitrary<TypeSpec> spec = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1_000), Arbitraries.of(true, false)).as(TypeSpec::new);
        Arbitrary<List<TypeSpec>> graph = spec.list().ofMinSize(1).ofMaxSize(7);
        return graph.list().ofMinSize(2).ofMaxSize(8).map(IncrementalBuildTest::gradual);
    }

    /** Each view differs from the one before in one or two types, as a deploy does, rather than in all of them. */
    private static List<List<TypeSpec>> gradual(List<List<TypeSpec>> random) {
        List<List<TypeSpec>> views = new ArrayList<>();
        List<TypeSpec> current = new ArrayList<>(random.getFirst());
        views.add(List.copyOf(current));
        for (List<TypeSpec> next : random.subList(1, random.size())) {
            TypeSpec change = next.getFirst();
            int at = change.seed() % (current.size() + 1);
            if (at == current.size()) {
                current.add(change);
            } else if (change.kind() == 6 && current.size() > 1) {
                current.remove(at);
            } else {
                current.set(at, change);
            }
            if (next.size() > 1 && next.get(1).kind() == 0) {
                current.set(next.get(1).seed() % current.size(), next.get(1));
            }
            views.add(List.copyOf(current));
        }
        return views;
    }

    @Property(tries = 200)
    void aGraphBuiltFromThePreviousOneIsTheGraphBuiltFromScratch(@ForAll("sdlSequences") List<List<TypeSpec>> sequence) {
        ExecutableGraph served = null;
        long version = 0;
        for (List<TypeSpec> types : sequence) {
            SchemaView view = rawView(++version, sdl(types));
            served = checkSameAsFromScratch(view, served);
        }
    }

    @Property(tries = 300)
    void theNextSdlCutWhereItDiffersFromThePreviousIsCutAsFromScratch(@ForAll("sdlSequences") List<List<TypeSpec>> sequence) {
        SdlDefinitions previous = null;
        for (List<TypeSpec> types : sequence) {
            String text = sdl(types);
            Optional<SdlDefinitions> scratch = SdlDefinitions.of(text, SdlDefinitions.parse(text));
            Optional<SdlDefinitions> read = previous == null ? scratch : SdlDefinitions.read(text, previous);
            if (scratch.isPresent()) {
                assertThat(read).as("cut from the previous cut").isPresent();
                assertThat(read.get().sameTextAs(scratch.get())).as("every definition's text as cut from scratch").isTrue();
                assertThat(List.copyOf(read.get().definitions().keySet())).isEqualTo(List.copyOf(scratch.get().definitions().keySet()));
                if (previous != null) {
                    SdlDefinitions before = previous;
                    SdlDefinitions next = read.get();
                    assertThat(next.changes().replaced()).as("the definitions the redefined names replaced")
                            .isEqualTo(next.changes().redefined().stream().filter(before.definitions()::containsKey)
                                    .collect(java.util.stream.Collectors.toMap(name -> name, before.definitions()::get)));
                    assertThat(List.copyOf(next.changes().redefined())).as("the names whose text differs, in the SDL's order")
                            .isEqualTo(next.definitions().keySet().stream().filter(name -> !next.sameText(name, before)).toList());
                    assertThat(next.changes().removed()).as("the names no longer defined")
                            .isEqualTo(before.definitions().keySet().stream().filter(name -> !next.definitions().containsKey(name))
                                    .collect(java.util.stream.Collectors.toSet()));
                }
            }
            previous = read.or(() -> scratch).orElse(null);
        }
    }

    @Provide
    Arbitrary<List<List<Integer>>> deploySequences() {
        // per view, the version each of 4 services runs (0: retracted)
        return Arbitraries.integers().between(0, 3).list().ofSize(4).list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 40)
    void aComposedGraphBuiltFromThePreviousOneIsTheGraphBuiltFromScratch(@ForAll("deploySequences") List<List<Integer>> sequence) {
        SyntheticGraph graph = new SyntheticGraph(4, 12);
        ViewFold fold = new ViewFold("default");
        Optional<SchemaView> last = Optional.empty();
        ExecutableGraph served = null;
        long offset = 0;
        for (List<Integer> versions : sequence) {
            List<ServiceCatalog> live = new ArrayList<>();
            for (int service = 0; service < versions.size(); service++) {
                if (versions.get(service) > 0) {
                    live.add(graph.catalog(service, versions.get(service), "i-" + versions.get(service), 30_000));
                }
            }
            if (live.isEmpty()) {
                continue;
            }
            Optional<SchemaView> next = fold.next(last, live, new Cause("t", 0, ++offset, "k"), Instant.EPOCH);
            if (next.isPresent()) {
                last = next;
                served = checkSameAsFromScratch(next.get(), served);
            }
        }
    }

    @Test
    void shouldParseOnlyTheDefinitionsThatChanged() {
        SyntheticGraph graph = new SyntheticGraph(3, 6);
        ViewFold fold = new ViewFold("default");
        List<ServiceCatalog> live = new ArrayList<>(graph.catalogs());
        SchemaView first = fold.next(Optional.empty(), live, new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        live.set(1, graph.catalog(1, 2, "i-1", 30_000));
        SchemaView second = fold.next(Optional.of(first), live, new Cause("t", 0, 2, "k"), Instant.EPOCH).orElseThrow();

        ExecutableGraph before = factory.build(first);
        ExecutableGraph after = factory.build(second, before);

        GraphQLSchema old = before.graphQL().getGraphQLSchema();
        GraphQLSchema now = after.graphQL().getGraphQLSchema();
        assertThat(now.getObjectType("S0Thing0").getDefinition()).isSameAs(old.getObjectType("S0Thing0").getDefinition());
        assertThat(now.getObjectType("S1Thing2").getDefinition()).isNotSameAs(old.getObjectType("S1Thing2").getDefinition());
        assertThat(now.getObjectType("S1Thing2").getFieldDefinition("release2")).isNotNull();
        assertThat(now.getObjectType("S0Thing0")).as("a type that leads to no changed type is shared")
                .isSameAs(old.getObjectType("S0Thing0"));
        assertThat(now.getQueryType()).as("a type that leads to a changed type is a copy").isNotSameAs(old.getQueryType());
        assertThat(GraphQLTypeUtil.unwrapAll(now.getQueryType().getFieldDefinition("s1things2").getType())).isSameAs(now.getObjectType("S1Thing2"));
        assertThat(PRINTER.print(old)).as("the served schema is untouched")
                .isEqualTo(PRINTER.print(factory.build(first).graphQL().getGraphQLSchema()));
        assertThat(GraphQLTypeUtil.unwrapAll(old.getQueryType().getFieldDefinition("s1things2").getType())).isSameAs(old.getObjectType("S1Thing2"));
    }

    @Test
    void shouldCallWhereTheNewRoutingSaysWhenOnlyTheRoutingChanged() {
        try (RecordingServer before = CoursesService.start(); RecordingServer after = CoursesService.start()) {
            ExecutableGraph first = factory.build(TestViews.view(1, before.baseUrl(), CourseCatalogs.v1("a")));
            ExecutableGraph second = factory.build(TestViews.view(2, after.baseUrl(), CourseCatalogs.v1("a")), first);

            ExecutionResult result = second.execute(GatewayRequest.of("{ course(id: \"c-1\") { title } }"));

            assertThat(result.getErrors()).isEmpty();
            assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("course", Map.of("title", "Machine Learning")));
            assertThat(after.uris()).containsExactly("/courses/c-1");
            assertThat(before.uris()).isEmpty();
            assertThat(second.graphQL().getGraphQLSchema().getQueryType()).as("the same SDL keeps the served types")
                    .isSameAs(first.graphQL().getGraphQLSchema().getQueryType());
        }
    }

    @Test
    void shouldLetGoOfTheDefinitionsOfAViewOnceTwoNewerOnesWereBuiltFromIt() {
        ExecutableGraph first = factory.build(rawView(1, "type Query {\n  a: A\n}\n\ntype A {\n  v1: String\n}\n"));
        WeakReference<SdlDefinitions> firstDefinitions = new WeakReference<>(first.definitions());
        ExecutableGraph served = first;
        first = null;
        for (int version = 2; version <= 4; version++) {
            served = factory.build(rawView(version, "type Query {\n  a: A\n}\n\ntype A {\n  v" + version + ": String\n}\n"), served);
            assertThat(served.definitions().changes().redefined()).containsExactly("A");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return firstDefinitions.get() == null;
        });
        Reference.reachabilityFence(served);
    }

    @Test
    void shouldRefuseAViewWhoseChangedTypeBreaksAnUnchangedOneAsABuildFromScratchDoes() {
        ExecutableGraph before = factory.build(rawView(1, """
                type Query {
                  a: A
                }

                interface Named {
                  name: String
                }

                type A implements Named {
                  name: String
                }
                """));
        SchemaView broken = rawView(2, """
                type Query {
                  a: A
                }

                interface Named {
                  name: String
                  title: String!
                }

                type A implements Named {
                  name: String
                }
                """);

        assertThatThrownBy(() -> factory.build(broken, before)).hasMessageContaining("title");
    }

    /** Builds the view from scratch and from {@code served}; both fail, or both give the same graph. */
    private ExecutableGraph checkSameAsFromScratch(SchemaView view, ExecutableGraph served) {
        ExecutableGraph scratch;
        try {
            scratch = factory.build(view);
        } catch (RuntimeException e) {
            assertThatThrownBy(() -> factory.build(view, served)).isInstanceOf(RuntimeException.class);
            if (served != null) {
                assertThat(factory.buildFrom(view, served)).as("the previous graph must not make a refused view buildable").isEmpty();
            }
            Statistics.collect("refused");
            return served;
        }
        if (served == null) {
            Statistics.collect("first");
            return scratch;
        }
        ExecutableGraph incremental = factory.buildFrom(view, served)
                .orElseThrow(() -> new AssertionError("a view built from scratch is built from the previous graph too"));
        GraphQLSchema expected = scratch.graphQL().getGraphQLSchema();
        GraphQLSchema actual = incremental.graphQL().getGraphQLSchema();
        assertThat(PRINTER.print(actual)).isEqualTo(PRINTER.print(expected));
        assertThat(introspection(incremental)).isEqualTo(introspection(scratch));
        assertThat(fetchers(actual)).isEqualTo(fetchers(expected));
        Statistics.collect(incremental.definitions().sameTextAs(served.definitions()) ? "same SDL" : "reused");
        return incremental;
    }

    private static Object introspection(ExecutableGraph graph) {
        return graph.graphQL().execute(ExecutionInput.newExecutionInput().query(IntrospectionQuery.INTROSPECTION_QUERY).build())
                .toSpecification();
    }

    /** The class of the fetcher of every field of every object type. */
    private static Map<String, String> fetchers(GraphQLSchema schema) {
        Map<String, String> fetchers = new TreeMap<>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                object.getFieldDefinitions().forEach(field -> fetchers.put(object.getName() + "." + field.getName(),
                        schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(object, field), field)
                                .getClass().getSimpleName()));
            }
        }
        return fetchers;
    }

    private static final Set<Integer> OUTPUTS = Set.of(0, 1, 2, 3, 5, 6);
    private static final Set<Integer> OBJECTS = Set.of(0, 5, 6);
    private static final Set<Integer> INPUTS = Set.of(3, 4);

    /** The first type from {@code seed} on (round the list) of one of these kinds; null when there is none. */
    private static String pick(List<TypeSpec> types, int seed, Set<Integer> kinds) {
        for (int i = 0; i < types.size(); i++) {
            int at = (seed + i) % types.size();
            if (kinds.contains(types.get(at).kind())) {
                return "T" + at;
            }
        }
        return null;
    }

    private static SchemaView rawView(long version, String sdl) {
        return new SchemaView("default", version, "h" + version, Instant.EPOCH, sdl, Routing.EMPTY, List.of(), List.of(),
                List.of(), List.of(), new Cause("t", 0, version, "k"));
    }

    /**
     * SDL laid out as the canonical printer lays it out, with a few types of every kind: 0 object, 1 interface, 2 union,
     * 3 enum, 4 input, 5 an object with a field of a custom scalar, declared as long as such an object
     * is (6 is an object too). Fields name other types by the seed, whatever their kind,
     * so that a change of kind can break the types that use it; descriptions hold text that looks like definitions.
     */
    static String sdl(List<TypeSpec> types) {
        StringBuilder sdl = new StringBuilder();
        StringBuilder query = new StringBuilder("type Query {\n  id: ID!\n");
        for (int t = 0; t < types.size(); t++) {
            TypeSpec spec = types.get(t);
            String name = "T" + t;
            // mostly a type of a kind that fits where it is used; now and then whatever type, which may not fit
            boolean careless = spec.seed() % 5 == 0;
            String other = careless ? "T" + (spec.seed() % types.size()) : pick(types, spec.seed(), spec.kind() == 4 ? INPUTS : spec.kind() == 2 ? OBJECTS : OUTPUTS);
            String another = careless ? "T" + ((spec.seed() / 7) % types.size()) : pick(types, spec.seed() / 7, spec.kind() == 2 ? OBJECTS : INPUTS);
            if (spec.described()) {
                sdl.append(spec.seed() % 2 == 0 ? "\"\"\"\nDescribes " + name + ":\ntype Fake {\n  x: Int\n}\n\"\"\"\n"
                        : "\"A " + name + " # not a comment { (\"\n");
            }
            switch (spec.kind()) {
                case 1 -> sdl.append("interface ").append(name).append(" {\n  id: ID!\n  name: String\n}\n\n");
                case 2 -> sdl.append("union ").append(name).append(" = ").append(other == null ? "Query" : other)
                        .append(another == null || another.equals(other) ? "" : " | " + another).append("\n\n");
                case 3 -> {
                    sdl.append("enum ").append(name).append(" {\n  A\n");
                    if (spec.seed() % 3 > 0) {
                        sdl.append("  B @deprecated(reason : \"gone\")\n");
                    }
                    sdl.append("}\n\n");
                }
                case 4 -> sdl.append("input ").append(name).append(" {\n  x: Int = ").append(spec.seed() % 10)
                        .append("\n  y: ").append(spec.seed() % 4 == 0 && other != null && !other.equals(name) ? other : "String").append("\n}\n\n");
                case 5 -> sdl.append("type ").append(name).append(" {\n  big: Long\n}\n\n");
                default -> {
                    sdl.append("type ").append(name);
                    String face = careless ? "T" + ((spec.seed() / 3) % types.size()) : pick(types, spec.seed() / 3, Set.of(1));
                    if (spec.seed() % 3 == 0 && face != null && !face.equals(name)) {
                        sdl.append(" implements ").append(face);
                    }
                    sdl.append(" {\n  id: ID!\n  name: String\n  link").append(spec.seed() % 4 == 0 && another != null ? "(arg: " + another + ")" : "")
                            .append(": ").append(other == null ? "String" : other).append(spec.seed() % 3 == 0 ? " @deprecated(reason : \"use id\")" : "")
                            .append("\n  seed: Int\n}\n\n");
                }
            }
            if (spec.kind() != 4) {
                query.append("  q").append(t).append(": ").append(name).append("\n");
            }
        }
        if (types.stream().anyMatch(spec -> spec.kind() == 5)) {
            sdl.append("scalar Long\n\n");
        }
        return query.append("}\n\n").append(sdl).toString();
    }
}
