package io.tributary.examples.instructors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.examples.CatalogTopic;
import io.tributary.examples.Http;
import io.tributary.examples.Http.Answer;
import io.tributary.testkit.EmbeddedKafka;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The instructors service publishes its catalog and answers its routes over real HTTP. */
class InstructorsAppIT {
    private static final Topics TOPICS = new Topics("instructors-it");
    private static InstructorsApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        TopicProvisioner.ensure(EmbeddedKafka.shared().bootstrapServers(), TOPICS, (short) 1);
        app = InstructorsApp.start(0, EmbeddedKafka.shared().bootstrapServers(), TOPICS);
        http = new Http(app.uri());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shouldPublishTheInstructorsResourceAtItsOwnUrl() {
        ServiceCatalog published = CatalogTopic.awaitPublished(EmbeddedKafka.shared().bootstrapServers(), TOPICS, "instructors");
        assertThat(published.baseUrl()).isEqualTo(app.uri().toString());
        assertThat(published.resources()).singleElement().satisfies(r -> {
            assertThat(r.qualifiedName()).isEqualTo("instructors.v1");
            assertThat(r.modelName()).isEqualTo("Instructor");
        });
    }

    @Test
    void shouldGetAnInstructorById() {
        Answer answer = http.get("/instructors/i-3");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("fullName").asText()).isEqualTo("Daniel Okafor");
        assertThat(answer.body().path("joinedOn").asText()).isEqualTo("2016-06-30");
    }

    @Test
    void shouldWriteTheJsonNamesAndKeepTheInternalNotesIn() {
        Answer answer = http.get("/instructors/i-3");
        assertThat(answer.body().properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "fullName", "title", "department", "joinedOn");
        assertThat(answer.body().path("title").asText()).isEqualTo("Lecturer");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownId() {
        assertThat(http.get("/instructors/i-99").status()).isEqualTo(404);
    }

    @Test
    void shouldMultiGetInTheOrderAsked() {
        Answer answer = http.get("/instructors?ids=i-12,i-1,i-99");
        assertThat(answer.body().path("elements")).extracting(e -> e.path("id").asText()).containsExactly("i-12", "i-1");
    }
}
