package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.curation.CurationRule;
import io.tributary.gateway.rest.client.RestSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Every relation kind of the golden graph resolved over REST: forward (one id or a list), reverse, and through. */
class RelationKindsTest extends GoldenGraphFixture {
    @Test
    void shouldFollowAForwardRelationOfManyIdsWithOneMultiGetForAllParents() {
        Map<String, Object> data = data("{ courses(ids: [\"c-1\", \"c-2\", \"c-4\"]) { id instructors { id } } }");

        assertThat(data.get("courses")).isEqualTo(List.of(
                Map.of("id", "c-1", "instructors", List.of(Map.of("id", "2"))),
                Map.of("id", "c-2", "instructors", List.of(Map.of("id", "3"))),
                Map.of("id", "c-4", "instructors", List.of(Map.of("id", "5"), Map.of("id", "10")))));
        assertThat(services.instructors.uris()).containsExactly("/instructors?ids=2,3,5,10");
    }

    @Test
    void shouldFollowAForwardRelationOfOneIdAskingOnlyForTheSelectedFields() {
        Map<String, Object> data = data("{ enrollmentsByCourseId(courseId: \"c-2\") { id course { id title } } }");

        assertThat(data.get("enrollmentsByCourseId")).isEqualTo(List.of(
                Map.of("id", "e-c-2-1", "course", Map.of("id", "c-2", "title", "Machine Learning 2")),
                Map.of("id", "e-c-2-2", "course", Map.of("id", "c-2", "title", "Machine Learning 2"))));
        assertThat(services.courses.uris()).containsExactly("/courses/c-2?fields=id,title");
    }

    @Test
    void shouldAnswerAForwardRelationToAMissingElementWithNullAndANotFoundErrorAtItsPath() {
        ExecutionResult result = graphs.execute("{ enrollmentsByCourseId(courseId: \"c-404\") { id course { id } } }");

        assertThat(result.<Map<String, Object>>getData().get("enrollmentsByCourseId")).isEqualTo(List.of(
                withoutCourse("e-c-404-1"), withoutCourse("e-c-404-2")));
        assertThat(result.getErrors()).hasSize(2).allSatisfy(error -> {
            assertThat(error.getPath()).hasSize(3).startsWith("enrollmentsByCourseId").endsWith("course");
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("service", "courses");
        });
        assertThat(services.courses.uris()).containsExactly("/courses/c-404?fields=id");
    }

    @Test
    void shouldFollowAForwardRelationToAResourceWithoutMultiGetWithOneGetPerDistinctId() {
        Map<String, Object> data = data("{ instructors(ids: [\"1\", \"4\", \"7\"]) { id partner { id name } } }");

        assertThat(data.get("instructors")).isEqualTo(List.of(
                Map.of("id", "1", "partner", Map.of("id", "p-2", "name", "Partner 2")),
                Map.of("id", "4", "partner", Map.of("id", "p-2", "name", "Partner 2")),
                Map.of("id", "7", "partner", Map.of("id", "p-2", "name", "Partner 2"))));
        assertThat(services.partners.uris()).containsExactly("/partners/p-2");
    }

    @Test
    void shouldFollowAReverseRelationWithTheFinderArgumentsTakenFromTheParent() {
        Map<String, Object> data = data("{ instructor(id: \"3\") { courses { id } } }");

        assertThat(data.get("instructor")).isEqualTo(Map.of("courses", List.of(Map.of("id", "c-2"), Map.of("id", "c-14"), Map.of("id", "c-26"))));
        assertThat(services.courses.uris()).containsExactly("/courses?q=byInstructorId&instructorId=3&page=0&per_page=100");
        assertThat(services.instructors.uris()).containsExactly("/instructors/3");
    }

    @Test
    void shouldFollowAThroughRelationHopByHop() {
        Map<String, Object> data = data("{ course(id: \"c-4\") { partners { id } } }");

        assertThat(data.get("course")).isEqualTo(Map.of("partners", List.of(Map.of("id", "p-3"), Map.of("id", "p-2"))));
        assertThat(services.courses.uris()).containsExactly("/courses/c-4?fields=id,instructorIds");
        assertThat(services.instructors.uris()).containsExactly("/instructors?ids=5,10");
        assertThat(services.partners.uris()).containsExactlyInAnyOrder("/partners/p-3", "/partners/p-2");
    }

    @Test
    void shouldFollowAThroughRelationForAllParentsOfALevelTogether() {
        Map<String, Object> data = data("{ courses(ids: [\"c-1\", \"c-2\", \"c-3\", \"c-4\", \"c-12\", \"c-24\"]) { id partners { id } } }");

        assertThat(data.get("courses")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(6);
        assertThat(services.courses.requests()).hasSize(1);
        assertThat(services.instructors.uris()).containsExactly("/instructors?ids=2,3,4,5,10,1,6");
        assertThat(services.partners.uris()).containsExactlyInAnyOrder("/partners/p-3", "/partners/p-1", "/partners/p-2");
    }

    @Test
    void shouldShareLoadsBetweenAThroughRelationAndTheRelationsItFollows() {
        Map<String, Object> data = data("{ course(id: \"c-4\") { instructors { id partner { id } } partners { id } } }");

        assertThat(data.get("course")).isEqualTo(Map.of(
                "instructors", List.of(Map.of("id", "5", "partner", Map.of("id", "p-3")), Map.of("id", "10", "partner", Map.of("id", "p-2"))),
                "partners", List.of(Map.of("id", "p-3"), Map.of("id", "p-2"))));
        assertThat(services.instructors.requests()).hasSize(1);
        assertThat(services.partners.uris()).containsExactlyInAnyOrder("/partners/p-3", "/partners/p-2");
    }

    @Test
    void shouldTakeAThroughRelationOutWithTheHopCurationHid() {
        try (Graphs curated = new Graphs(services.catalogs(), List.of(new CurationRule.Hide("h1", "Course.instructors")),
                RestSettings.defaults())) {
            ExecutionResult result = curated.execute("{ course(id: \"c-4\") { id partners { id } } }");

            assertThat(result.getErrors()).singleElement().satisfies(error ->
                    assertThat(error.getMessage()).contains("Field 'partners' in type 'Course' is undefined"));
            assertThat(curated.execute("{ course(id: \"c-4\") { id } }").getErrors()).isEmpty();
        }
    }

    private static Map<String, Object> withoutCourse(String enrollment) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", enrollment);
        expected.put("course", null);
        return expected;
    }

    private Map<String, Object> data(String query) {
        ExecutionResult result = graphs.execute(query);
        assertThat(result.getErrors()).isEmpty();
        return result.getData();
    }
}
