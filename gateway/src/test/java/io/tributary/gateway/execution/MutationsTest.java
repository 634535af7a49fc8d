package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import graphql.ExecutionResult;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mutation rows of the translation table (CREATE, UPDATE, PATCH, DELETE, ACTION), each against fresh fixture
 * services: the method, path, query and JSON body each call is made with, and the element it answers.
 */
class MutationsTest {
    private final FixtureServices services = new FixtureServices();
    private final Graphs graphs = new Graphs(services.catalogs(), RestSettings.defaults());

    @AfterEach
    void stop() {
        graphs.close();
        services.close();
    }

    @Test
    void shouldCreateWithTheInputAsTheWholeJsonBody() throws Exception {
        Map<String, Object> created = data("""
                mutation { courseCreate(input: {id: "c-new", title: "New", instructorIds: [1], level: BEGINNER, price: "9.50",
                  syllabus: [{title: "One", minutes: 3}], metadata: {area: "x"}}) { id title price } }""", "courseCreate");

        assertThat(created).isEqualTo(Map.of("id", "c-new", "title", "New", "price", "9.50"));
        Recorded post = services.courses.requests().getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/courses");
        assertThat(post.headers()).containsEntry("content-type", "application/json");
        assertThat(json(post.body())).isEqualTo(Map.of("id", "c-new", "title", "New",
                "instructorIds", List.of(1), "level", "BEGINNER", "price", "9.50",
                "syllabus", List.of(Map.of("title", "One", "minutes", 3)), "metadata", Map.of("area", "x")));
    }

    @Test
    void shouldUpdateWithThePathIdAndTheInputAsBody() throws Exception {
        Map<String, Object> updated = data("""
                mutation { courseUpdate(id: "c-7", input: {title: "Replaced", instructorIds: [], level: ADVANCED, price: "1.00",
                  syllabus: [], metadata: {}}) { id title level } }""", "courseUpdate");

        assertThat(updated).isEqualTo(Map.of("id", "c-7", "title", "Replaced", "level", "ADVANCED"));
        Recorded put = services.courses.requests().getFirst();
        assertThat(put.method() + " " + put.uri()).isEqualTo("PUT /courses/c-7");
        assertThat(json(put.body())).containsEntry("id", "c-7").containsEntry("title", "Replaced");
    }

    @Test
    void shouldPatchOneFieldWithABodyOfItsProperty() {
        Map<String, Object> patched = data("mutation { courseUpdateTitle(id: \"c-8\", title: \"Renamed\") { id title } }", "courseUpdateTitle");

        assertThat(patched).isEqualTo(Map.of("id", "c-8", "title", "Renamed"));
        Recorded patch = services.courses.requests().getFirst();
        assertThat(patch.method() + " " + patch.uri() + " " + patch.body()).isEqualTo("PATCH /courses/c-8 {\"title\":\"Renamed\"}");
    }

    @Test
    void shouldDeleteAnsweringTrueWhenDeletedAndFalseWhenThereWasNone() {
        assertThat(this.<Boolean>data("mutation { courseDelete(id: \"c-9\") }", "courseDelete")).isTrue();
        assertThat(this.<Boolean>data("mutation { courseDelete(id: \"c-9\") }", "courseDelete")).isFalse();
        assertThat(services.courses.requests()).extracting(r -> r.method() + " " + r.uri())
                .containsExactly("DELETE /courses/c-9", "DELETE /courses/c-9");
    }

    @Test
    void shouldRunActionsOnTheirOwnPathsWithQueryParameters() {
        Map<String, Object> archived = data("mutation { courseArchive(id: \"c-1\", reason: \"too old\") { id metadata } }", "courseArchive");
        Map<String, Object> enrolled = data("mutation { courseEnrollmentEnroll(courseId: \"c-2\") { id courseId status } }",
                "courseEnrollmentEnroll");

        assertThat(archived).isEqualTo(Map.of("id", "c-1", "metadata", Map.of("archived", "too old")));
        assertThat(enrolled).isEqualTo(Map.of("id", "e-c-2-99", "courseId", "c-2", "status", "ACTIVE"));
        assertThat(services.courses.requests()).extracting(r -> r.method() + " " + r.uri())
                .containsExactly("POST /courses/c-1/archive?reason=too%20old");
        assertThat(services.enrollments.requests()).extracting(r -> r.method() + " " + r.uri())
                .containsExactly("POST /enrollments/enroll?courseId=c-2");
    }

    @Test
    void shouldResolveTheRelationsOfAMutationsAnswerBatchedAsInAQuery() {
        Map<String, Object> changed = data("""
                mutation { a: courseUpdateTitle(id: "c-4", title: "A") { title instructors { id } partners { id } enrollments { id } }
                           b: courseUpdateTitle(id: "c-8", title: "B") { title instructors { id } } }""", "a");

        assertThat(changed).isEqualTo(Map.of("title", "A", "instructors", List.of(Map.of("id", "5"), Map.of("id", "10")),
                "partners", List.of(Map.of("id", "p-3"), Map.of("id", "p-2")), "enrollments", List.of(Map.of("id", "e-c-4-1"))));
        assertThat(services.courses.requests()).extracting(Recorded::method).containsExactly("PATCH", "PATCH");
        assertThat(services.instructors.uris()).as("mutations run one after another; each answer's relations are batched")
                .containsExactly("/instructors?ids=5,10", "/instructors?ids=9,2");
    }

    @Test
    void shouldAnswerNullWithANotFoundErrorWhenTheElementToChangeDoesNotExist() {
        ExecutionResult result = graphs.execute("mutation { courseUpdateTitle(id: \"c-404\", title: \"x\") { id } }");

        assertThat(result.<Map<String, Object>>getData()).containsEntry("courseUpdateTitle", null);
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("courseUpdateTitle");
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("status", 404)
                    .containsEntry("service", "courses");
        });
    }

    private static Map<String, Object> json(String body) throws Exception {
        return RecordingServer.JSON.readValue(body, new TypeReference<>() {
        });
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
