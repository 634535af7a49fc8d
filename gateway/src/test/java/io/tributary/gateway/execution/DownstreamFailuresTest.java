package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client sees when a service fails: an error at the field's path with the service, status and code in its
 * extensions, and every other field of the request still answered. A 404 on one element is NOT_FOUND; other
 * statuses DOWNSTREAM_ERROR; a slow service TIMEOUT within its own timeout; an unreachable one or a full concurrency
 * limit UNAVAILABLE; a base URL outside the allowlist NOT_ROUTED, without any call.
 */
class DownstreamFailuresTest {
    private static final String COURSE_AND_PARTNER = "{ course(id: \"c-1\") { id } partner(id: \"p-1\") { name } }";

    private final FixtureServices services = new FixtureServices();
    private final List<Graphs> graphs = new ArrayList<>();

    @AfterEach
    void stop() {
        services.courses.release();
        graphs.forEach(Graphs::close);
        services.close();
    }

    @Test
    void shouldAnswerNullWithANotFoundErrorAtThePathForAnElementTheServiceDoesNotHave() {
        ExecutionResult result = graphs(RestSettings.defaults()).execute("{ course(id: \"c-404\") { id } partner(id: \"p-1\") { name } }");

        assertThat(result.<Map<String, Object>>getData()).containsEntry("course", null)
                .containsEntry("partner", Map.of("name", "Partner 1"));
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getLocations()).isNotEmpty();
            assertThat(error.getMessage()).isEqualTo("Service 'courses' has no courses.v2 with id c-404");
            assertThat(error.getExtensions()).isEqualTo(Map.of("service", "courses", "status", 404, "code", "NOT_FOUND"));
        });
    }

    @Test
    void shouldReportAClientErrorWithTheServiceAndStatusAndStillAnswerTheOtherFields() {
        services.courses.failWith(400);

        ExecutionResult result = graphs(RestSettings.defaults()).execute(COURSE_AND_PARTNER);

        assertThat(result.<Map<String, Object>>getData()).containsEntry("course", null).containsEntry("partner", Map.of("name", "Partner 1"));
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getMessage()).isEqualTo("Service 'courses' answered 400");
            assertThat(error.getExtensions()).isEqualTo(Map.of("service", "courses", "status", 400, "code", "DOWNSTREAM_ERROR"));
        });
    }

    @Test
    void shouldKeepTheParentOfAFailedRelationAndAnswerTheRelationEmptyWithItsError() {
        services.instructors.failWith(503);

        ExecutionResult result = graphs(RestSettings.defaults()).execute("{ course(id: \"c-4\") { id instructors { name } enrollments { id } } }");

        assertThat(result.<Map<String, Object>>getData()).containsEntry("course",
                Map.of("id", "c-4", "instructors", List.of(), "enrollments", List.of(Map.of("id", "e-c-4-1"))));
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course", "instructors");
            assertThat(error.getExtensions()).isEqualTo(Map.of("service", "instructors", "status", 503, "code", "DOWNSTREAM_ERROR"));
        });
    }

    @Test
    void shouldTimeOutASlowServiceWithinItsOwnTimeoutWhileOthersAnswer() {
        Graphs graphs = graphs(RestSettings.defaults().withServiceTimeout("courses", Duration.ofMillis(300)));
        services.courses.hold();

        ExecutionResult result = graphs.execute(COURSE_AND_PARTNER);

        assertThat(result.<Map<String, Object>>getData()).containsEntry("course", null).containsEntry("partner", Map.of("name", "Partner 1"));
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getMessage()).isEqualTo("Service 'courses' did not answer in time");
            assertThat(error.getExtensions()).isEqualTo(Map.of("service", "courses", "status", 0, "code", "TIMEOUT"));
        });
        assertThat(graphs.calls("courses", "timeout")).isEqualTo(1);
        assertThat(graphs.calls("partners", "success")).isEqualTo(1);
    }

    @Test
    void shouldFailACallAsUnavailableWhenItsServiceHasNoFreeSlotInTime() {
        Graphs graphs = graphs(RestSettings.defaults().withConcurrency(1, Duration.ofMillis(100)));
        services.courses.hold();

        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(() -> graphs.execute(
                "{ a: searchCourses(query: \"Algorithms\") { id } b: searchCourses(query: \"Machine\") { id } partner(id: \"p-2\") { id } }"));
        await().atMost(Duration.ofSeconds(10)).until(() -> graphs.calls("courses", "rejected") == 1);
        services.courses.release();
        ExecutionResult result = running.join();

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo("Service 'courses' has too many calls in flight");
            assertThat(error.getExtensions()).isEqualTo(Map.of("service", "courses", "status", 0, "code", "UNAVAILABLE"));
        });
        Map<String, Object> data = result.getData();
        assertThat(List.of(data.get("a"), data.get("b"))).as("one search answered, the other empty").filteredOn(List.class::isInstance)
                .anySatisfy(answer -> assertThat((List<?>) answer).isNotEmpty())
                .anySatisfy(answer -> assertThat((List<?>) answer).isEmpty());
        assertThat(data).containsEntry("partner", Map.of("id", "p-2"));
        assertThat(services.courses.requests()).hasSize(1);
    }

    @Test
    void shouldReportAServiceThatCannotBeReachedAsUnavailable() {
        RecordingServer gone = new RecordingServer(request -> RecordingServer.Reply.notFound());
        String url = gone.baseUrl();
        gone.close();
        Graphs graphs = new Graphs(List.of(FixtureServices.at(GraphCatalogs.partners(), url)), RestSettings.defaults().withTimeout(Duration.ofSeconds(2)));
        this.graphs.add(graphs);

        ExecutionResult result = graphs.execute("{ partner(id: \"p-1\") { id } }");

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo("Service 'partners' could not be reached");
            assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("status", 0);
        });
    }

    @Test
    void shouldNotRouteAServiceWhoseBaseUrlIsNotOnTheAllowlistAndSayWhy() {
        List<ServiceCatalog> catalogs = new ArrayList<>(services.catalogs());
        catalogs.set(3, FixtureServices.at(GraphCatalogs.partners(), "http://partners.attacker.example:8080"));
        Graphs graphs = new Graphs(catalogs, RestSettings.defaults());
        this.graphs.add(graphs);

        ExecutionResult result = graphs.execute("{ course(id: \"c-4\") { id partners { id } } partner(id: \"p-1\") { name } }");

        String reason = "its base URL http://partners.attacker.example:8080 is refused: it names host partners.attacker.example, which is "
                + "not on the gateway's allowlist of downstream hosts [localhost, 127.0.0.1, [::1]] (tributary.gateway.downstream.allowed-hosts)";
        assertThat(graphs.graph.resolution().unroutedServices()).isEqualTo(Map.of("partners", reason));
        assertThat(result.<Map<String, Object>>getData()).containsEntry("partner", null)
                .containsEntry("course", Map.of("id", "c-4", "partners", List.of()));
        assertThat(result.getErrors()).extracting(GraphQLError::getMessage).containsOnly("Service 'partners' is not reachable from this gateway");
        assertThat(result.getErrors()).allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_ROUTED"))
                .extracting(GraphQLError::getPath).containsExactlyInAnyOrder(List.of("partner"), List.of("course", "partners"));
        assertThat(services.partners.requests()).isEmpty();
        assertThat(services.instructors.requests()).as("a through relation over an unrouted service makes no call").isEmpty();
    }

    @Test
    void shouldTellClientsTheServiceAndStatusButNoUrlHostPortOrSetting() {
        try (RecordingServer leaky = new RecordingServer(request -> new RecordingServer.Reply(500,
                Map.of("message", "pool http://10.1.2.3:5432/db is down")))) {
            RecordingServer gone = new RecordingServer(request -> RecordingServer.Reply.notFound());
            String goneUrl = gone.baseUrl();
            gone.close();
            Graphs graphs = new Graphs(List.of(FixtureServices.at(CourseCatalogs.everything("a"), leaky),
                    FixtureServices.at(GraphCatalogs.instructors(), goneUrl),
                    FixtureServices.at(GraphCatalogs.enrollments(), "http://enrollments.attacker.example:8080"),
                    FixtureServices.at(GraphCatalogs.partners(), "http://localhost:8090")), RestSettings.defaults());
            this.graphs.add(graphs);

            ExecutionResult result = graphs.execute("""
                    { course(id: "c-1") { id } instructor(id: "1") { id } enrollmentsByCourseId(courseId: "c-1") { id }
                      partner(id: "p-1") { id } }""");

            assertThat(result.getErrors()).extracting(GraphQLError::getMessage).containsExactlyInAnyOrder(
                    "Service 'courses' answered 500", "Service 'instructors' could not be reached",
                    "Service 'enrollments' is not reachable from this gateway", "Service 'partners' is not reachable from this gateway");
            assertThat(result.getErrors()).allSatisfy(error -> {
                assertThat(error.getMessage()).doesNotContain("http", "10.1.2.3", "127.0.0.1", "localhost", "attacker", "allowlist",
                        "allowed-hosts", "denied-hosts", "/courses", "/instructors").doesNotContainPattern(":\\d");
                assertThat(error.getExtensions()).containsOnlyKeys("code", "service", "status");
            });
            assertThat(leaky.requests()).hasSize(1);
        }
    }

    @Test
    void shouldRefuseAnIdThatWouldNameAnotherPathOfTheServiceWithoutCallingIt() {
        Graphs graphs = graphs(RestSettings.defaults());

        ExecutionResult empty = graphs.execute("{ course(id: \"\") { id } }");
        ExecutionResult parent = graphs.execute("{ a: partner(id: \"..\") { id } b: partner(id: \"p-1\") { name } }");

        assertThat(empty.getErrors()).singleElement().satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        assertThat(parent.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("a");
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
        assertThat(parent.<Map<String, Object>>getData()).containsEntry("b", Map.of("name", "Partner 1"));
        assertThat(services.courses.requests()).isEmpty();
        assertThat(services.partners.uris()).containsExactly("/partners/p-1");
    }

    @Test
    void shouldCallOnlyTheInstancesTheAllowlistAcceptsTakingThemInTurn() {
        try (FixtureServices second = new FixtureServices()) {
            List<ServiceCatalog> catalogs = new ArrayList<>(services.catalogs());
            ServiceCatalog courses = catalogs.getFirst();
            catalogs.add(instance(courses, "b", second.courses.baseUrl()));
            catalogs.add(instance(courses, "c", "http://10.20.30.40:8080"));
            Graphs graphs = new Graphs(catalogs, RestSettings.defaults());
            this.graphs.add(graphs);

            for (int i = 0; i < 4; i++) {
                assertThat(graphs.execute("{ course(id: \"c-1\") { id } }").getErrors()).isEmpty();
            }

            assertThat(graphs.graph.resolution().unroutedServices()).isEmpty();
            assertThat(services.courses.requests()).hasSize(2);
            assertThat(second.courses.requests()).hasSize(2);
        }
    }

    private static ServiceCatalog instance(ServiceCatalog catalog, String instanceId, String baseUrl) {
        return new ServiceCatalog(catalog.service(), instanceId, catalog.serviceVersion(), catalog.publishedAt(), baseUrl,
                catalog.leaseMillis(), catalog.resources());
    }

    @Test
    void shouldRecordEveryCallPerServiceAndOutcome() {
        Graphs graphs = graphs(RestSettings.defaults());
        graphs.execute("{ course(id: \"c-1\") { id } partner(id: \"p-404\") { id } }");
        services.instructors.failWith(500);
        graphs.execute("{ instructor(id: \"1\") { id } }");

        assertThat(graphs.calls("courses", "success")).isEqualTo(1);
        assertThat(graphs.calls("partners", "not_found")).isEqualTo(1);
        assertThat(graphs.calls("instructors", "server_error")).isEqualTo(1);
        assertThat(graphs.meters.find("tributary.gateway.downstream.calls").tag("service", "courses").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    private Graphs graphs(RestSettings settings) {
        Graphs graphs = new Graphs(services.catalogs(), settings);
        this.graphs.add(graphs);
        return graphs;
    }
}
