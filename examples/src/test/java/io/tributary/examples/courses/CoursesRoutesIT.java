package io.tributary.examples.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.examples.Http;
import io.tributary.examples.Http.Answer;
import io.tributary.testkit.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The courses v2 service answers every route its catalog publishes, over real HTTP, from its in-memory data. */
class CoursesRoutesIT {
    private static final String NEW_COURSE = """
            {"id": "%s", "title": "Radio Astronomy 300", "subtitle": null, "rating": 4.2, "durationMinutes": 90,
             "level": "ADVANCED", "launchedOn": "2026-03-02", "instructorIds": ["i-4"]}""";

    private static CoursesApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("courses-routes-it");
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        app = CoursesApp.start(Variant.V2, 0, kafka.bootstrapServers(), topics);
        http = new Http(app.uri());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shouldGetACourseByIdWithEveryV2Field() {
        Answer answer = http.get("/courses/c-7");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("title").asText()).isEqualTo("Financial Markets 107");
        assertThat(answer.body().path("durationMinutes").asInt()).isEqualTo(60 * (1 + 7 % 12));
        assertThat(answer.body().path("launchedOn").asText()).isEqualTo("2020-09-21");
        assertThat(answer.body().path("instructorIds")).extracting(JsonNode::asText).containsExactly("i-8");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownId() {
        assertThat(http.get("/courses/nope").status()).isEqualTo(404);
    }

    @Test
    void shouldMultiGetInTheOrderAskedInTheNaptimeEnvelope() {
        Answer answer = http.get("/courses?ids=c-3,c-1,nope");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer.body().path("elements"))).containsExactly("c-3", "c-1");
    }

    @Test
    void shouldPageThroughEveryCourseByOffsetFollowingNext() {
        List<String> seen = new ArrayList<>();
        String start = "0";
        while (start != null) {
            JsonNode page = http.get("/courses?start=" + start + "&limit=20").body();
            assertThat(page.at("/paging/total").asInt()).isEqualTo(CourseRepository.COURSES);
            seen.addAll(ids(page.path("elements")));
            start = page.at("/paging/next").isTextual() ? page.at("/paging/next").asText() : null;
        }
        assertThat(seen).hasSize(CourseRepository.COURSES).doesNotHaveDuplicates().startsWith("c-1", "c-2");
    }

    @Test
    void shouldFindTheCoursesOfAnInstructorOnTheFinderPath() {
        JsonNode page = http.get("/courses/byInstructorId?instructorId=i-1&limit=2").body();
        assertThat(ids(page.path("elements"))).containsExactly("c-12", "c-24");
        assertThat(page.at("/paging/total").asInt()).isEqualTo(4);
        assertThat(page.at("/paging/next").asText()).isEqualTo("2");
    }

    @Test
    void shouldSearchTitlesForEveryWordOfTheQuery() {
        Answer answer = http.get("/courses/search?query=astronomy%2014");
        assertThat(ids(answer.body().path("elements"))).containsExactly("c-14", "c-44", "c-49");
    }

    @Test
    void shouldCreateACourseOnceAndRefuseItsIdTwice() {
        Answer created = http.send("POST", "/courses", NEW_COURSE.formatted("c-900"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").asText()).isEqualTo("c-900");
        assertThat(http.get("/courses/c-900").body().path("title").asText()).isEqualTo("Radio Astronomy 300");
        assertThat(http.send("POST", "/courses", NEW_COURSE.formatted("c-900")).status()).isEqualTo(409);
    }

    @Test
    void shouldReplaceACourseUnderThePathId() {
        Answer updated = http.send("PUT", "/courses/c-11", NEW_COURSE.formatted("ignored"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("id").asText()).isEqualTo("c-11");
        assertThat(http.get("/courses/c-11").body().path("durationMinutes").asInt()).isEqualTo(90);
    }

    @Test
    void shouldChangeOnlyTheTitleOnThePartialUpdate() {
        Answer patched = http.send("PATCH", "/courses/c-13", "{\"title\": \"Public Speaking, Revised\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("title").asText()).isEqualTo("Public Speaking, Revised");
        assertThat(patched.body().path("durationMinutes").asInt()).isEqualTo(60 * (1 + 13 % 12));
    }

    @Test
    void shouldDeleteACourseOnce() {
        assertThat(http.delete("/courses/c-17").status()).isEqualTo(204);
        assertThat(http.get("/courses/c-17").status()).isEqualTo(404);
        assertThat(http.delete("/courses/c-17").status()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode elements) {
        List<String> ids = new ArrayList<>();
        elements.forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
