package io.tributary.examples.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.examples.CatalogTopic;
import io.tributary.examples.Http;
import io.tributary.examples.Http.Answer;
import io.tributary.testkit.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The enrollments service publishes its catalog and answers its finder and its action over real HTTP. */
class EnrollmentsAppIT {
    private static final Topics TOPICS = new Topics("enrollments-it");
    private static EnrollmentsApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        TopicProvisioner.ensure(EmbeddedKafka.shared().bootstrapServers(), TOPICS, (short) 1);
        app = EnrollmentsApp.start(0, EmbeddedKafka.shared().bootstrapServers(), TOPICS);
        http = new Http(app.uri());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shouldPublishTheEnrollmentsResourceWithItsCourseEnrollmentModel() {
        ServiceCatalog published = CatalogTopic.awaitPublished(EmbeddedKafka.shared().bootstrapServers(), TOPICS, "enrollments");
        assertThat(published.resources()).singleElement().satisfies(r -> {
            assertThat(r.qualifiedName()).isEqualTo("enrollments.v1");
            assertThat(r.modelName()).isEqualTo("CourseEnrollment");
        });
    }

    @Test
    void shouldPageThroughTheEnrollmentsOfACourse() {
        Answer first = http.get("/enrollments/byCourseId?courseId=c-4&limit=3");
        assertThat(first.body().path("elements")).hasSize(3)
                .allSatisfy(e -> assertThat(e.path("courseId").asText()).isEqualTo("c-4"));
        assertThat(first.body().at("/paging/total").asInt()).isEqualTo(5);
        assertThat(first.body().at("/paging/next").asText()).isEqualTo("3");

        Answer last = http.get("/enrollments/byCourseId?courseId=c-4&start=3&limit=3");
        assertThat(last.body().path("elements")).hasSize(2);
        assertThat(last.body().at("/paging/next").isMissingNode()).isTrue();
        assertThat(last.body().at("/elements/0/enrolledAt").asText()).isEqualTo("2025-01-11T00:00:00Z");
    }

    @Test
    void shouldEnrollALearnerOnceAndAnswerTheSameEnrollmentAfter() {
        Answer enrolled = http.send("POST", "/enrollments/enroll", "{\"courseId\": \"c-2\", \"learnerId\": \"l-77\"}");
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.body().path("status").asText()).isEqualTo("ACTIVE");
        String id = enrolled.body().path("id").asText();

        Answer again = http.send("POST", "/enrollments/enroll", "{\"courseId\": \"c-2\", \"learnerId\": \"l-77\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(id);
        assertThat(http.get("/enrollments/byCourseId?courseId=c-2").body().path("elements"))
                .extracting(e -> e.path("learnerId").asText()).contains("l-77");
    }
}
