package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.gateway.request.HeaderForwarding;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request's allowed headers (Authorization, traceparent, ...) go along on every call it makes: batched, paged or a mutation. */
class ForwardedHeadersTest {
    private static final Map<String, String> HEADERS = Map.of("Authorization", "Bearer token-1", "traceparent",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "Accept-Language", "de-CH");

    private final FixtureServices services = new FixtureServices();
    private final Graphs graphs = new Graphs(services.catalogs(), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        services.close();
    }

    @Test
    void shouldForwardTheRequestsHeadersOnEveryCall() {
        ExecutionResult query = graphs.execute("""
                { courses(ids: ["c-1", "c-4"]) { instructors { partner { id } } enrollments { id } } coursesConnection(first: 1) { totalCount } }""",
                HEADERS);
        ExecutionResult mutation = graphs.execute("mutation { courseUpdateTitle(id: \"c-1\", title: \"t\") { id } }", HEADERS);

        assertThat(query.getErrors()).isEmpty();
        assertThat(mutation.getErrors()).isEmpty();
        List<Recorded> calls = List.of(services.courses, services.instructors, services.enrollments, services.partners).stream()
                .flatMap(server -> server.requests().stream()).toList();
        assertThat(calls).hasSize(services.calls()).hasSizeGreaterThanOrEqualTo(7).allSatisfy(call -> assertThat(call.headers())
                .containsEntry("authorization", "Bearer token-1")
                .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .containsEntry("accept-language", "de-CH"));
    }

    @Test
    void shouldForwardAServicesOwnHeadersToThatServiceAlone() {
        try (Graphs keyed = new Graphs(services.catalogs(), RestSettings.defaults(), new HeaderForwarding(List.of("Authorization"),
                Map.of("instructors", List.of("X-Api-Key"))))) {
            ExecutionResult query = keyed.execute("{ courses(ids: [\"c-1\"]) { instructors { id } enrollments { id } } }",
                    Map.of("Authorization", "Bearer token-1", "X-Api-Key", "instructors-key"));

            assertThat(query.getErrors()).isEmpty();
        }
        assertThat(services.instructors.requests()).isNotEmpty().allSatisfy(call -> assertThat(call.headers())
                .containsEntry("x-api-key", "instructors-key").containsEntry("authorization", "Bearer token-1"));
        assertThat(List.of(services.courses, services.enrollments).stream().flatMap(server -> server.requests().stream()).toList())
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(call -> assertThat(call.headers())
                        .doesNotContainKey("x-api-key").containsEntry("authorization", "Bearer token-1"));
    }

    @Test
    void shouldNotShareCallsBetweenRequestsOfDifferentCallers() {
        graphs.execute("{ course(id: \"c-1\") { id } }", Map.of("Authorization", "Bearer alice"));
        graphs.execute("{ course(id: \"c-1\") { id } }", Map.of("Authorization", "Bearer bob"));

        assertThat(services.courses.requests()).extracting(call -> call.headers().get("authorization"))
                .containsExactly("Bearer alice", "Bearer bob");
    }
}
