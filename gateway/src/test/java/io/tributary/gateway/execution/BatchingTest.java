package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One REST call per resource per level, never one per parent: GETs and forward relations coalesce into MULTI_GETs of
 * at most the batch size, identical calls are made once, and reverse relations share a call when the finder takes a
 * list.
 */
class BatchingTest {
    private final FixtureServices services = new FixtureServices();
    private Graphs graphs = new Graphs(services.catalogs(), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        services.close();
    }

    @Test
    void shouldFetchTwentyCoursesWithTheirInstructorsInExactlyTwoCalls() {
        ExecutionResult result = graphs.execute("{ courses(ids: [" + ids(1, 20) + "]) { id instructors { name } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, List<?>>>getData().get("courses")).hasSize(20);
        assertThat(services.calls()).isEqualTo(2);
        assertThat(services.courses.requests()).hasSize(1);
        assertThat(services.instructors.requests()).singleElement()
                .satisfies(call -> assertThat(call.query("ids").orElseThrow().split(",")).hasSize(FixtureServices.INSTRUCTORS));
    }

    @Test
    void shouldFetchAConnectionPageWithItsInstructorsInTwoCalls() {
        ExecutionResult result = graphs.execute("{ coursesConnection(first: 20) { nodes { id instructors { name } } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.calls()).isEqualTo(2);
    }

    @Test
    void shouldSplitMultiGetsIntoCallsOfAtMostTheBatchSize() {
        graphs.close();
        graphs = new Graphs(services.catalogs(), RestSettings.defaults().withBatchSize(5));

        ExecutionResult result = graphs.execute("{ courses(ids: [" + ids(1, 20) + "]) { id instructors { name } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.requests()).hasSize(4)
                .allSatisfy(call -> assertThat(call.query("ids").orElseThrow().split(",")).hasSize(5));
        assertThat(services.instructors.requests()).hasSize(3)
                .allSatisfy(call -> assertThat(call.query("ids").orElseThrow().split(",")).hasSizeLessThanOrEqualTo(5));
    }

    @Test
    void shouldCoalesceGetsOfOneResourceAtOneLevelIntoOneMultiGetAndTheNextLevelIntoAnother() {
        ExecutionResult result = graphs.execute("""
                { a: course(id: "c-1") { id } b: course(id: "c-2") { id } c: course(id: "c-1") { title }
                  e: enrollmentsByCourseId(courseId: "c-4") { course { id } } }""");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.uris()).containsExactly("/courses?ids=c-1,c-2", "/courses/c-4?fields=id");
        assertThat(services.enrollments.requests()).hasSize(1);
    }

    @Test
    void shouldMakeIdenticalCallsOnce() {
        ExecutionResult result = graphs.execute("""
                { a: searchCourses(query: "Algorithms 1") { id } b: searchCourses(query: "Algorithms 1") { title }
                  c: coursesConnection(first: 3) { totalCount } d: coursesConnection(first: 3) { nodes { id } } }""");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.uris()).containsExactlyInAnyOrder("/courses/search?query=Algorithms%201", "/courses?start=0&limit=3");
    }

    @Test
    void shouldCallAReverseRelationsFinderOnceForParentsWithTheSameArguments() {
        ExecutionResult result = graphs.execute("{ courses(ids: [\"c-2\", \"c-5\", \"c-2\"]) { enrollments { id } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.enrollments.uris()).containsExactlyInAnyOrder(
                "/enrollments/byCourseId?courseId=c-2&start=0&limit=100", "/enrollments/byCourseId?courseId=c-5&start=0&limit=100");
    }

    @Test
    void shouldGetEachDistinctIdOnceWhenTheResourceHasNoMultiGet() {
        ExecutionResult result = graphs.execute("{ a: partner(id: \"p-1\") { id } b: partner(id: \"p-2\") { id } c: partner(id: \"p-1\") { name } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.partners.uris()).containsExactlyInAnyOrder("/partners/p-1", "/partners/p-2");
    }

    @Test
    void shouldMakeOneCallPerResourcePerLevelAndNoneForElementsAlreadyLoaded() {
        ExecutionResult result = graphs.execute("""
                { courses(ids: [%s]) { instructors { courses { instructors { name } } } } }""".formatted(ids(1, 12)));

        assertThat(result.getErrors()).isEmpty();
        assertThat(services.courses.uris()).hasSize(1 + FixtureServices.INSTRUCTORS)
                .filteredOn(uri -> uri.startsWith("/courses?ids=")).hasSize(1);
        assertThat(services.courses.uris()).filteredOn(uri -> uri.startsWith("/courses?q=byInstructorId"))
                .as("a finder of one instructor id: one call per instructor").hasSize(FixtureServices.INSTRUCTORS);
        assertThat(services.instructors.requests()).as("the third level's instructors were loaded on the first").hasSize(1);
    }

    @Test
    void shouldBatchAReverseRelationIntoOneCallWhenTheFinderTakesAList() {
        try (RecordingServer enrollments = new RecordingServer(BatchingTest::enrollmentsByCourseIds)) {
            graphs.close();
            graphs = new Graphs(List.of(coursesWithBatchedEnrollments(services.courses.baseUrl()),
                    batchedEnrollments(enrollments.baseUrl())), RestSettings.defaults());

            ExecutionResult result = graphs.execute("{ coursesV1: courses(ids: [\"c-1\", \"c-2\", \"c-3\", \"c-4\", \"c-5\"]) { id enrollments { id } } }");

            assertThat(result.getErrors()).isEmpty();
            assertThat(result.<Map<String, Object>>getData().get("coursesV1")).isEqualTo(List.of(
                    Map.of("id", "c-1", "enrollments", List.of(Map.of("id", "e-c-1-1"))),
                    Map.of("id", "c-2", "enrollments", List.of(Map.of("id", "e-c-2-1"), Map.of("id", "e-c-2-2"))),
                    Map.of("id", "c-3", "enrollments", List.of()),
                    Map.of("id", "c-4", "enrollments", List.of(Map.of("id", "e-c-4-1"))),
                    Map.of("id", "c-5", "enrollments", List.of(Map.of("id", "e-c-5-1"), Map.of("id", "e-c-5-2")))));
            assertThat(enrollments.uris()).containsExactly("/enrollments/byCourseIds?courseIds=c-1,c-2,c-3,c-4,c-5");
        }
    }

    private static Reply enrollmentsByCourseIds(RecordingServer.Recorded request) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String courseId : request.query("courseIds").orElseThrow().split(",")) {
            for (int k = 1; k <= Integer.parseInt(courseId.substring(2)) % 3; k++) {
                found.add(FixtureServices.enrollment(courseId, k));
            }
        }
        return Reply.ok(Map.of("elements", found));
    }

    private static ServiceCatalog coursesWithBatchedEnrollments(String baseUrl) {
        Resource plain = CourseCatalogs.courses(CourseCatalogs.COURSE_V1);
        Resource related = new Resource(plain.name(), plain.version(), plain.description(), plain.model(), plain.keyField(),
                plain.operations(), List.of(new Relation.Reverse("enrollments", "enrollments.v1", "byCourseIds",
                Map.of("courseIds", "$id"), "")), "");
        return new ServiceCatalog("courses", "a", "1.0.0", Instant.EPOCH, baseUrl, 30_000, List.of(related));
    }

    private static ServiceCatalog batchedEnrollments(String baseUrl) {
        Schema model = new Schema.Parser().parse("""
                {"type": "record", "name": "CourseEnrollment", "fields": [
                  {"name": "id", "type": "string"}, {"name": "courseId", "type": "string"}]}""");
        Operation byCourseIds = Operation.builder(OperationKind.FINDER, "GET", "/enrollments/byCourseIds").name("byCourseIds")
                .parameters(List.of(new Parameter("courseIds", Schema.createArray(Schema.create(Schema.Type.STRING)),
                        Parameter.Location.QUERY, true, "")))
                .envelope(ResponseEnvelope.NAPTIME).build();
        return new ServiceCatalog("enrollments", "a", "1.0.0", Instant.EPOCH, baseUrl, 30_000,
                List.of(new Resource("enrollments", 1, "", model, "id", List.of(byCourseIds))));
    }

    static String ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> "\"c-" + n + "\"").collect(Collectors.joining(", "));
    }

}
