package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.tributary.gateway.limits.Limits;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;

/**
 * Random and hostile documents and variables through the golden graph with the gateway's limits, on real services:
 * deep nesting, alias floods, fragment cycles, lone UTF-16 surrogates, huge or negative sizes and id lists, null and
 * wrongly typed variables, garbage. Whatever comes in, nothing escapes as an exception (not even into graphql-java's
 * ExceptionWhileDataFetching), the answer has data or errors that each carry a code (or graphql-java's classification
 * of a document it refused), and no request makes more REST calls than the cap.
 */
class HostileQueriesTest {
    private static final int CAP = 20;
    /** How graphql-java classifies the documents it refuses before any field runs; an exception in a field is not one. */
    private static final Set<String> REQUEST_ERRORS = Set.of("InvalidSyntax", "ValidationError", "OperationNotSupported");

    private static FixtureServices services;
    private static Graphs graphs;

    @BeforeContainer
    static void start() {
        services = new FixtureServices();
        graphs = Graphs.limited(services.catalogs(), RestSettings.defaults().withMaxCallsPerRequest(CAP), Limits.DEFAULT);
    }

    @AfterContainer
    static void stop() {
        graphs.close();
        services.close();
    }

    @BeforeTry
    void clearCalls() {
        services.clear();
    }

    /** A document and its variables, as a client sends them. */
    record Sent(String query, Map<String, Object> variables) {
    }

    @Property(tries = 300)
    void shouldAnswerEveryDocumentWithDataOrCodedErrorsWithinTheCallCap(@ForAll("hostile") Sent sent) {
        ExecutionResult result = graphs.graph.execute(new GatewayRequest(sent.query(), null, sent.variables(), Map.of(), Caller.ANONYMOUS));

        assertThat(result.isDataPresent() || !result.getErrors().isEmpty()).as("data or errors").isTrue();
        for (GraphQLError error : result.getErrors()) {
            assertThat(error.toSpecification().get("extensions") instanceof Map<?, ?> extensions
                    && (extensions.get("code") != null || REQUEST_ERRORS.contains(extensions.get("classification"))))
                    .as("a code, or graphql-java's classification of a document it refuses: %s", error).isTrue();
        }
        assertThat(services.calls()).isLessThanOrEqualTo(CAP);
        Statistics.label("outcome").collect(outcome(result));
        Statistics.label("downstream calls").collect(services.calls() == 0 ? "0" : services.calls() < CAP ? "1.." + (CAP - 1) : "" + CAP);
    }

    /** The first error's code or classification, or "data" for a request answered without error. */
    private static String outcome(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return "data";
        }
        Map<?, ?> extensions = (Map<?, ?>) result.getErrors().getFirst().toSpecification().get("extensions");
        return String.valueOf(extensions.get("code") != null ? extensions.get("code") : extensions.get("classification"));
    }

    @Provide
    Arbitrary<Sent> hostile() {
        return Arbitraries.oneOf(deep(), aliases(), fragmentCycles(), surrogates(), hugeSizes(), hugeIds(), variables(), garbage());
    }

    private static Arbitrary<Sent> deep() {
        return Arbitraries.integers().between(1, 60).map(levels -> {
            StringBuilder query = new StringBuilder("{ course(id: \"c-4\") { id ");
            for (int level = 0; level < levels; level++) {
                query.append(level % 2 == 0 ? "instructors { name " : "courses { id ");
            }
            query.append("}".repeat(levels)).append(" } }");
            return sent(query.toString());
        });
    }

    private static Arbitrary<Sent> aliases() {
        return Arbitraries.integers().between(1, 2_000).map(count -> sent(IntStream.range(0, count)
                .mapToObj(n -> "a" + n + ": course(id: \"c-" + (n % 40) + "\") { id }").collect(Collectors.joining(" ", "{ ", " }"))));
    }

    private static Arbitrary<Sent> fragmentCycles() {
        return Arbitraries.integers().between(1, 30).map(length -> {
            StringBuilder query = new StringBuilder("{ course(id: \"c-1\") { ...f0 } }");
            for (int n = 0; n < length; n++) {
                query.append(" fragment f").append(n).append(" on Course { id ...f").append((n + 1) % length).append(" }");
            }
            return sent(query.toString());
        });
    }

    private static Arbitrary<Sent> surrogates() {
        Arbitrary<String> lone = Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf);
        return Combinators.combine(lone, Arbitraries.of("id", "alias", "name", "variable")).as((c, where) -> switch (where) {
            case "id" -> sent("{ course(id: \"c-" + c + "\") { id title } }");
            case "alias" -> sent("{ a" + c + ": course(id: \"c-1\") { id } }");
            case "name" -> sent("{ course" + c + "(id: \"c-1\") { id } }");
            default -> new Sent("query($id: ID!) { course(id: $id) { id } }", Map.of("id", "c-1" + c));
        });
    }

    private static Arbitrary<Sent> hugeSizes() {
        Arbitrary<String> size = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("2147483647", "2147483648", "-1", "0", "99999999999999999999999", "1e9", "\"5\"", "null"));
        return Combinators.combine(size, Arbitraries.of(
                "{ coursesConnection(first: %s) { nodes { id enrollments { id } } } }",
                "{ coursesConnection(last: %s) { edges { node { instructors { name } } } } }",
                "{ coursesPaged(pageSize: %s) { items { id instructors { courses { id } } } } }",
                "{ partnersPaged(page: %s, pageSize: 3) { items { id } } }")).as((n, template) -> sent(template.formatted(n)));
    }

    private static Arbitrary<Sent> hugeIds() {
        return Combinators.combine(Arbitraries.integers().between(0, 3_000), Arbitraries.of("id", "id enrollments { id }",
                "instructors { courses { enrollments { id } } }", "partners { name }")).as((count, selection) -> sent(
                "{ courses(ids: [" + IntStream.range(0, count).mapToObj(n -> "\"c-" + n + "\"").collect(Collectors.joining(","))
                        + "]) { " + selection + " } }"));
    }

    private static Arbitrary<Sent> variables() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.just((Object) null), Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n), Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().between(0, 5_000).map(n -> (Object) IntStream.range(0, n).mapToObj(i -> "c-" + i).toList()),
                Arbitraries.just((Object) List.of(List.of("c-1"), Map.of("id", "c-2"))), Arbitraries.just((Object) Map.of("nested", Map.of("x", 1))));
        return Combinators.combine(value, value, Arbitraries.of(
                "query($ids: [ID!], $n: Int) { courses(ids: $ids) { id } coursesConnection(first: $n) { nodes { id } } }",
                "query($ids: [ID!]!, $n: Int!) { courses(ids: $ids) { enrollments { id } } partnersPaged(pageSize: $n) { items { id } } }",
                "query($id: ID!, $skip: Boolean!) { course(id: $id) { id instructors @skip(if: $skip) { name } } }")).as((first, second, query) -> {
            Map<String, Object> variables = new HashMap<>();
            List<String> names = query.contains("$skip") ? List.of("id", "skip") : List.of("ids", "n");
            variables.put(names.get(0), first);
            variables.put(names.get(1), second);
            return new Sent(query, variables);
        });
    }

    private static Arbitrary<Sent> garbage() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), Arbitraries.strings().withChars("{}()[]:$@!.\"#\\ \n")
                .ofMaxLength(300), Arbitraries.of("", "{", "}", "query", "{ __typename", "subscription { x }", "mutation { }",
                "{ course(id: 1) }", "{ courses(ids: null) { id } }", "{ ...Missing }")).map(HostileQueriesTest::sent);
    }

    private static Sent sent(String query) {
        return new Sent(query, Map.of());
    }
}
