package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.examples.partners.PartnersApp;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.PublishedCatalogs;
import io.tributary.publisher.openapi.OpenApiSidecar;
import io.tributary.testkit.EmbeddedKafka;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real example services (courses, instructors and enrollments on Micronaut, partners behind the OpenAPI sidecar)
 * publish their catalogs to the embedded broker; the gateway composes what they published and answers queries by
 * calling them. Call counts come from the gateway's own downstream metrics.
 */
class ExampleServicesIT {
    private static final List<String> SERVICES = List.of("courses", "enrollments", "instructors", "partners");

    private static CoursesApp courses;
    private static InstructorsApp instructors;
    private static EnrollmentsApp enrollments;
    private static PartnersApp partners;
    private static OpenApiSidecar sidecar;
    private static Graphs graphs;

    @BeforeAll
    static void start() {
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        Topics topics = new Topics("gateway-rest-it-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        courses = CoursesApp.start(Variant.V2, 0, bootstrap, topics);
        instructors = InstructorsApp.start(0, bootstrap, topics);
        enrollments = EnrollmentsApp.start(0, bootstrap, topics);
        partners = PartnersApp.start(0);
        sidecar = OpenApiSidecar.start(OpenApiSidecar.Settings.of(partners.openApiUri().toString(), "partners", partners.uri().toString(),
                bootstrap).withTopics(topics));
        graphs = new Graphs(PublishedCatalogs.latest(bootstrap, topics, Set.copyOf(SERVICES)), RestSettings.defaults());
    }

    @AfterAll
    static void stop() {
        graphs.close();
        sidecar.close();
        partners.close();
        enrollments.close();
        instructors.close();
        courses.close();
    }

    private Map<String, Long> before;

    @BeforeEach
    void countFromHere() {
        before = graphs.callsPerService();
    }

    @Test
    void shouldRouteEveryExampleService() {
        assertThat(graphs.graph.resolution().unroutedServices()).isEmpty();
        assertThat(graphs.view.routing().services()).extracting(s -> s.service()).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void shouldFetchTwentyCoursesWithTheirInstructorsInExactlyTwoRestCalls() {
        ExecutionResult result = graphs.execute("{ courses(ids: [" + BatchingTest.ids(1, 20) + "]) { id title instructors { id fullName } } }");

        assertThat(result.getErrors()).isEmpty();
        List<Map<String, Object>> found = result.<Map<String, List<Map<String, Object>>>>getData().get("courses");
        assertThat(found).hasSize(20).allSatisfy(course -> assertThat((List<?>) course.get("instructors")).isNotEmpty());
        assertThat(calls()).isEqualTo(Map.of("courses", 1L, "instructors", 1L));
    }

    @Test
    void shouldPageThroughEveryCourseAsAConnectionWithTheirInstructorsInTwoCallsAPage() {
        ExecutionResult first = graphs.execute("{ coursesConnection(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { instructors { id } } } }");
        Map<String, Object> connection = first.<Map<String, Map<String, Object>>>getData().get("coursesConnection");
        String endCursor = (String) ((Map<?, ?>) connection.get("pageInfo")).get("endCursor");
        ExecutionResult last = graphs.execute("{ coursesConnection(first: 40, after: \"%s\") { pageInfo { hasNextPage } nodes { id } } }".formatted(endCursor));

        assertThat(first.getErrors()).isEmpty();
        assertThat(connection).containsEntry("totalCount", 50);
        assertThat(((Map<?, ?>) connection.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
        assertThat(last.getErrors()).isEmpty();
        Map<String, Object> rest = last.<Map<String, Map<String, Object>>>getData().get("coursesConnection");
        assertThat((List<?>) rest.get("nodes")).hasSize(30);
        assertThat(rest.get("pageInfo")).isEqualTo(Map.of("hasNextPage", false));
        assertThat(calls()).isEqualTo(Map.of("courses", 2L, "instructors", 1L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldResolveFindersAndReverseRelationsOnTheirLiteralPaths() {
        ExecutionResult result = graphs.execute("""
                { instructor(id: "i-2") { fullName courses { id enrollments { learnerId status } } }
                  coursesByInstructorIdPaged(instructorId: "i-2", page: 0, pageSize: 2) { pageCount totalCount items { id } }
                  searchCourses(query: "machine learning") { title } }""");

        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> data = result.getData();
        Map<String, Object> instructor = (Map<String, Object>) data.get("instructor");
        List<Map<String, Object>> taught = (List<Map<String, Object>>) instructor.get("courses");
        assertThat(taught).isNotEmpty().allSatisfy(course -> assertThat(course).containsKey("enrollments"));
        assertThat((Map<String, Object>) data.get("coursesByInstructorIdPaged")).containsEntry("totalCount", taught.size());
        assertThat((List<?>) data.get("searchCourses")).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReadPartnersThroughTheCatalogTheSidecarPublishedFromOpenApi() {
        ExecutionResult result = graphs.execute("""
                { partner(id: "p-4") { id name } missing: partner(id: "p-99") { id }
                  partnersConnection(first: 3) { totalCount pageInfo { hasNextPage } nodes { id } } }""");

        Map<String, Object> data = result.getData();
        assertThat(data.get("partner")).isEqualTo(Map.of("id", "p-4", "name", "Meridian University"));
        assertThat(data.get("missing")).isNull();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("missing");
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("service", "partners");
        });
        Map<String, Object> connection = (Map<String, Object>) data.get("partnersConnection");
        assertThat((List<?>) connection.get("nodes")).hasSize(3);
        assertThat(connection.get("pageInfo")).isEqualTo(Map.of("hasNextPage", true));
    }

    @Test
    void shouldWriteThroughTheExampleServicesMutations() {
        ExecutionResult result = graphs.execute("""
                mutation { courseUpdateTitle(id: "c-50", title: "Renamed through the gateway") { id title }
                           enroll: courseEnrollmentEnroll(courseId: "c-50", learnerId: "learner-it") { courseId learnerId status } }""");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of(
                "courseUpdateTitle", Map.of("id", "c-50", "title", "Renamed through the gateway"),
                "enroll", Map.of("courseId", "c-50", "learnerId", "learner-it", "status", "ACTIVE")));
    }

    /** Calls per service since the test began, whatever their outcome. */
    private Map<String, Long> calls() {
        Map<String, Long> calls = graphs.callsPerService();
        before.forEach((service, count) -> calls.merge(service, -count, Long::sum));
        calls.values().removeIf(count -> count == 0);
        return calls;
    }
}
