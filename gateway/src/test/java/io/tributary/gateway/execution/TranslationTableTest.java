package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every reading row of DESIGN.md's translation table, executed: the golden graph's catalogs composed into a view, the
 * view made executable, each field's query answered by the fixture services over real HTTP, and the REST call it
 * made. Mutations are in {@link MutationsTest}.
 */
class TranslationTableTest extends GoldenGraphFixture {
    @Test
    void shouldResolveGetAsOneElementAskingOnlyForTheSelectedFields() {
        Map<String, Object> course = data("{ course(id: \"c-3\") { id title level } }", "course");

        assertThat(course).isEqualTo(Map.of("id", "c-3", "title", "Algorithms 3", "level", "BEGINNER"));
        assertThat(services.courses.uris()).containsExactly("/courses/c-3?fields=id,level,title");
    }

    @Test
    void shouldResolveMultiGetInTheOrderOfTheIdsLeavingOutUnknownOnes() {
        List<Map<String, Object>> courses = data("{ courses(ids: [\"c-2\", \"nope\", \"c-1\"]) { id } }", "courses");

        assertThat(courses).containsExactly(Map.of("id", "c-2"), Map.of("id", "c-1"));
        assertThat(services.courses.uris()).containsExactly("/courses?ids=c-2,nope,c-1");
    }

    @Test
    void shouldResolveMultiGetWithoutIdsAsEveryElementUpToTheListBound() {
        List<Map<String, Object>> courses = data("{ courses { id } }", "courses");

        assertThat(courses).hasSize(FixtureServices.COURSES);
        assertThat(services.courses.uris()).containsExactly("/courses?start=0&limit=100");
    }

    @Test
    void shouldResolveGetAllAsARelayConnectionWithItsTotal() {
        Map<String, Object> connection = data("""
                { coursesConnection(first: 2) { totalCount edges { cursor node { id } } nodes { id }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""", "coursesConnection");

        assertThat(connection).containsEntry("totalCount", FixtureServices.COURSES)
                .containsEntry("nodes", List.of(Map.of("id", "c-1"), Map.of("id", "c-2")))
                .containsEntry("edges", List.of(Map.of("cursor", "MA==", "node", Map.of("id", "c-1")),
                        Map.of("cursor", "MQ==", "node", Map.of("id", "c-2"))))
                .containsEntry("pageInfo", Map.of("hasNextPage", true, "hasPreviousPage", false, "startCursor", "MA==", "endCursor", "MQ=="));
        assertThat(services.courses.uris()).containsExactly("/courses?start=0&limit=2");
    }

    @Test
    void shouldResolveGetAllAsAnOffsetPage() {
        Map<String, Object> page = data("{ coursesPaged(page: 2, pageSize: 4) { page pageCount totalCount items { id } } }", "coursesPaged");

        assertThat(page).containsEntry("page", 2).containsEntry("pageCount", 8).containsEntry("totalCount", FixtureServices.COURSES)
                .containsEntry("items", List.of(Map.of("id", "c-9"), Map.of("id", "c-10"), Map.of("id", "c-11"), Map.of("id", "c-12")));
        assertThat(services.courses.uris()).containsExactly("/courses?start=8&limit=4");
    }

    @Test
    void shouldResolveAFinderAsAListSelectedByItsNameWithItsArguments() {
        List<Map<String, Object>> courses = data("{ coursesByInstructorId(instructorId: \"3\") { id } }", "coursesByInstructorId");

        assertThat(courses).extracting(c -> c.get("id")).containsExactly("c-2", "c-14", "c-26");
        assertThat(services.courses.uris()).containsExactly("/courses?q=byInstructorId&instructorId=3&page=0&per_page=100");
    }

    @Test
    void shouldResolveAPageNumberedFinderAsAConnectionAndAsPages() {
        Map<String, Object> connection = data("{ coursesByInstructorIdConnection(instructorId: \"3\", first: 2) { nodes { id } pageInfo { hasNextPage } } }",
                "coursesByInstructorIdConnection");
        Map<String, Object> page = data("{ coursesByInstructorIdPaged(instructorId: \"3\", page: 1, pageSize: 2) { items { id } page pageCount } }",
                "coursesByInstructorIdPaged");

        assertThat(connection).containsEntry("nodes", List.of(Map.of("id", "c-2"), Map.of("id", "c-14")))
                .containsEntry("pageInfo", Map.of("hasNextPage", true));
        assertThat(page).containsEntry("items", List.of(Map.of("id", "c-26"))).containsEntry("page", 1).containsEntry("pageCount", 2);
        assertThat(services.courses.uris()).containsExactly(
                "/courses?q=byInstructorId&instructorId=3&page=0&per_page=2",
                "/courses?q=byInstructorId&instructorId=3&page=1&per_page=2");
    }

    @Test
    void shouldResolveTheSearchFinderOnItsOwnPath() {
        List<Map<String, Object>> courses = data("{ searchCourses(query: \"Machine Learning 1\") { title } }", "searchCourses");

        assertThat(courses).extracting(c -> c.get("title")).contains("Machine Learning 10", "Machine Learning 12");
        assertThat(services.courses.uris()).containsExactly("/courses/search?query=Machine%20Learning%201");
    }

    @Test
    void shouldResolveTheOlderVersionOfAResourceUnderItsSuffixedName() {
        Map<String, Object> course = data("{ courseV1(id: \"c-4\") { id subtitle rating } }", "courseV1");
        List<Map<String, Object>> courses = data("{ coursesV1(ids: [\"c-4\", \"c-5\"]) { id } }", "coursesV1");

        assertThat(course).isEqualTo(Map.of("id", "c-4", "subtitle", "Part 4", "rating", 4.4));
        assertThat(courses).containsExactly(Map.of("id", "c-4"), Map.of("id", "c-5"));
        assertThat(services.courses.uris()).containsExactly("/courses/c-4", "/courses?ids=c-4,c-5");
    }

    @Test
    void shouldPassRecordsEnumsListsMapsNullsAndCustomScalarsThrough() {
        Map<String, Object> course = data("{ course(id: \"c-20\") { level syllabus { title minutes } metadata launchedAt price instructorIds } }",
                "course");
        Map<String, Object> enrollment = this.<List<Map<String, Object>>>data(
                "{ enrollmentsByCourseId(courseId: \"c-1\") { status learnerId } }", "enrollmentsByCourseId").getFirst();
        Map<String, Object> instructor = data("{ instructor(id: \"2\") { id joinedOn } }", "instructor");

        assertThat(course).containsEntry("level", "ADVANCED")
                .containsEntry("syllabus", List.of(Map.of("title", "Intro", "minutes", 10), Map.of("title", "Deep dive", "minutes", 100)))
                .containsEntry("metadata", Map.of("area", "ml"))
                .containsEntry("launchedAt", null)
                .containsEntry("price", "20.99")
                .containsEntry("instructorIds", List.of(9, 2));
        assertThat(enrollment).isEqualTo(Map.of("status", "ACTIVE", "learnerId", "00000000-0000-4000-8000-000000000001"));
        assertThat(instructor).isEqualTo(Map.of("id", "2", "joinedOn", "2020-02-02"));
    }

    @Test
    void shouldResolveAForwardRelationThroughMultiGet() {
        Map<String, Object> course = data("{ course(id: \"c-4\") { instructors { id name } } }", "course");

        assertThat(course).isEqualTo(Map.of("instructors", List.of(Map.of("id", "5", "name", "Instructor 5"),
                Map.of("id", "10", "name", "Instructor 10"))));
        assertThat(services.instructors.uris()).containsExactly("/instructors?ids=5,10");
    }

    @Test
    void shouldResolveAReverseRelationThroughTheTargetsFinder() {
        Map<String, Object> course = data("{ course(id: \"c-5\") { enrollments { id } } }", "course");

        assertThat(course).isEqualTo(Map.of("enrollments", List.of(Map.of("id", "e-c-5-1"), Map.of("id", "e-c-5-2"))));
        assertThat(services.enrollments.uris()).containsExactly("/enrollments/byCourseId?courseId=c-5&start=0&limit=100");
    }

    private <T> T data(String query, String field) {
        ExecutionResult result = graphs.execute(query);
        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> data = result.getData();
        @SuppressWarnings("unchecked")
        T value = (T) data.get(field);
        return value;
    }
}
