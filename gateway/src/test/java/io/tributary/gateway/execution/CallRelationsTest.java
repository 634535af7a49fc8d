package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import io.tributary.gateway.testing.RecordingServer.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call relation against a real HTTP service: {@code Repository.parent} calls the operation field
 * {@code getRepository} once per repository, with the repository's owner and parent slug as its path.
 */
class CallRelationsTest {
    private final RecordingServer repositories = new RecordingServer(CallRelationsTest::answer);
    private final Graphs graphs = new Graphs(List.of(FixtureServices.at(GraphCatalogs.repositories(), repositories)), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        repositories.close();
    }

    private static Reply answer(Recorded request) {
        return switch (request.method() + " " + request.path()) {
            case "GET /repositories/ada" -> Reply.ok(List.of(repository("r1", "base"), repository("r2", "base"),
                    repository("r3", null), repository("r4", "gone")));
            case "GET /repositories/ada/base" -> Reply.ok(repository("base", null));
            default -> Reply.notFound();
        };
    }

    private static Map<String, Object> repository(String slug, String parentSlug) {
        Map<String, Object> repository = new HashMap<>(Map.of("slug", slug, "owner", Map.of("username", "ada")));
        repository.put("parentSlug", parentSlug);
        return repository;
    }

    /** The finder is asked only for the selected fields and those the call's arguments read (owner, parentSlug). */
    @Test
    void shouldCallTheOperationOncePerDistinctParentWithArgumentsTakenFromIt() {
        ExecutionResult result = graphs.execute("{ repositoriesByOwner(username: \"ada\") { slug parent { slug owner { username } parent { slug } } } }");

        Map<String, Object> base = new HashMap<>(Map.of("slug", "base", "owner", Map.of("username", "ada")));
        base.put("parent", null);
        List<Object> expected = new java.util.ArrayList<>();
        expected.add(Map.of("slug", "r1", "parent", base));
        expected.add(Map.of("slug", "r2", "parent", base));
        Map<String, Object> r3 = new HashMap<>(Map.of("slug", "r3"));
        r3.put("parent", null);
        expected.add(r3);
        Map<String, Object> r4 = new HashMap<>(Map.of("slug", "r4"));
        r4.put("parent", null);
        expected.add(r4);
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("repositoriesByOwner", expected));
        assertThat(repositories.uris()).containsExactlyInAnyOrder("/repositories/ada?fields=owner,parentSlug,slug", "/repositories/ada/base", "/repositories/ada/gone");
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("repositoriesByOwner", 3, "parent");
            assertThat(error.getExtensions()).containsEntry("status", 404).containsEntry("service", "repositories");
        });
    }

    @Test
    void shouldEstimateOneCallPerParent() {
        String query = "{ repositoriesByOwner(username: \"ada\") { parent { slug } } }";
        graphql.schema.GraphQLSchema schema = graphs.graph.graphQL().getGraphQLSchema();

        long estimate = io.tributary.gateway.limits.OperationShape.measure(graphql.normalized.ExecutableNormalizedOperationFactory
                        .createExecutableNormalizedOperation(schema, graphql.parser.Parser.parse(query), null,
                                graphql.execution.CoercedVariables.emptyVariables()), schema,
                io.tributary.gateway.limits.Limits.DEFAULT.defaultListSize(),
                io.tributary.gateway.rest.plan.DownstreamCalls.of(graphs.view.routing(), RestSettings.defaults())).downstreamCalls();

        assertThat(estimate).isEqualTo(1L + io.tributary.gateway.limits.Limits.DEFAULT.defaultListSize());
    }
}
