package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import io.tributary.gateway.testing.RecordingServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operation fields (operations that fit no resource) against a real HTTP service: each is one call with its path,
 * query and body parameters as the catalog declares them, answering what the service wrote.
 */
class OperationFieldsTest {
    private final RecordingServer store = new RecordingServer(OperationFieldsTest::answer);
    private final Graphs graphs = new Graphs(List.of(FixtureServices.at(GraphCatalogs.store(), store)), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        store.close();
    }

    private static Reply answer(Recorded request) {
        return switch (request.method() + " " + request.path()) {
            case "GET /reports/2025" -> Reply.ok(Map.of("year", 2025, "total", 12.5, "regions", List.of(request.query("region").orElse("all"))));
            case "GET /store/inventory" -> Reply.ok(Map.of("available", 7, "sold", 3));
            case "POST /user/login" -> Reply.ok("token-for-" + request.body().length());
            case "DELETE /cache" -> new Reply(204, null);
            default -> Reply.notFound();
        };
    }

    @Test
    void shouldCallAQueryFieldWithItsPathAndQueryArguments() {
        ExecutionResult result = graphs.execute("{ salesReport(year: 2025, region: \"north\") { year total regions } storeInventory }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of(
                "salesReport", Map.of("year", 2025, "total", 12.5, "regions", List.of("north")),
                "storeInventory", Map.of("available", 7, "sold", 3)));
        assertThat(store.uris()).containsExactlyInAnyOrder("/reports/2025?region=north", "/store/inventory");
    }

    @Test
    void shouldSendAMutationFieldsInputAsTheWholeJsonBody() throws Exception {
        ExecutionResult result = graphs.execute("mutation { userLogin(input: {username: \"ada\", password: \"s3cret\"}) }");

        assertThat(result.getErrors()).isEmpty();
        Recorded login = store.requests().getFirst();
        assertThat(login.method() + " " + login.uri()).isEqualTo("POST /user/login");
        assertThat(RecordingServer.JSON.readValue(login.body(), Map.class)).isEqualTo(Map.of("username", "ada", "password", "s3cret"));
        assertThat(result.<Map<String, Object>>getData()).containsEntry("userLogin", "token-for-" + login.body().length());
    }

    @Test
    void shouldAnswerTrueForACallWhoseServiceAnswersNoContent() {
        ExecutionResult result = graphs.execute("mutation { cachePurge }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).containsEntry("cachePurge", true);
        assertThat(store.uris()).containsExactly("/cache");
    }

    @Test
    void shouldAnswerNullWithAnErrorAtItsPathWhenTheServiceHasNoSuchThing() {
        ExecutionResult result = graphs.execute("{ salesReport(year: 1999) { year } }");

        assertThat(result.<Map<String, Object>>getData()).containsEntry("salesReport", null);
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("salesReport");
            assertThat(error.getExtensions()).containsEntry("status", 404).containsEntry("service", "store");
        });
    }
}
