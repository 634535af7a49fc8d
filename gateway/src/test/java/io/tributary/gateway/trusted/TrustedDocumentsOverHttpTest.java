package io.tributary.gateway.trusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.http.RunningGateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.operations.DocumentHash;
import io.tributary.operations.RegisteredOperation;
import io.tributary.testkit.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Trusted documents and automatic persisted queries over HTTP, with gateways on the real broker: what the operations
 * topic registers runs on every gateway, the rest is refused before any downstream call.
 */
class TrustedDocumentsOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTERED = "query Course { course(id: \"c-1\") { id title } }";
    private static final String UNREGISTERED = "query Other { course(id: \"c-2\") { id title } }";

    @Test
    void twoAllowListedGatewaysRunWhatTheTopicRegistersAndRefuseAnythingElse() throws Exception {
        Topics topics = new Topics("t" + UUID.randomUUID().toString().substring(0, 8));
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        Map<String, Object> allowListed = Map.of("tributary.gateway.trusted-documents", "allow-listed");
        String hash = DocumentHash.of(REGISTERED);
        try (KafkaProducer<String, RegisteredOperation> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topics.operations(), hash, RegisteredOperation.of(REGISTERED, Instant.now()))).get();
        }
        try (RecordingServer courses = CoursesService.start();
             RunningGateway one = RunningGateway.start("TrustedDocumentsOverHttpTest", allowListed, topics);
             RunningGateway two = RunningGateway.start("TrustedDocumentsOverHttpTest", allowListed, topics);
             KafkaProducer<String, RegisteredOperation> producer = producer(bootstrap)) {
            one.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));
            two.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));

            for (RunningGateway gateway : new RunningGateway[] {one, two}) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gateway.get("/health/readiness").statusCode())
                        .as("ready once the operations topic is read").isEqualTo(200));
                assertThat(json(gateway.get("/health/readiness")).at("/details/trustedDocuments/details/registered").asInt()).isEqualTo(1);
                assertThat(json(post(gateway, RunningGateway.body(REGISTERED))).at("/data/course/title").asText())
                        .as("a ready gateway runs what was registered before it started").isEqualTo("Machine Learning");
                assertThat(json(post(gateway, "{\"documentId\":\"" + hash + "\"}")).at("/data/course/id").asText())
                        .as("the registered document, by its id alone").isEqualTo("c-1");
            }
            String later = "query Later { course(id: \"c-2\") { title } }";
            producer.send(new ProducerRecord<>(topics.operations(), DocumentHash.of(later), RegisteredOperation.of(later, Instant.now()))).get();
            for (RunningGateway gateway : new RunningGateway[] {one, two}) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(json(post(gateway, RunningGateway.body(later))).at("/data/course/title").asText())
                                .as("a registration made while the gateways run reaches both").isEqualTo("Algorithms"));
            }
            int calls = courses.requests().size();

            HttpResponse<String> refused = one.post(RunningGateway.body(UNREGISTERED), "Content-Type", "application/json",
                    "Accept", "application/graphql-response+json");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
            assertThat(json(refused).at("/errors/0/message").asText()).contains(DocumentHash.of(UNREGISTERED), "operations register");
            assertThat(json(refused).has("data")).isFalse();
            HttpResponse<String> unknownId = two.post("{\"documentId\":\"" + DocumentHash.of(UNREGISTERED) + "\"}",
                    "Content-Type", "application/json");
            assertThat(unknownId.statusCode()).as("application/json answers a well-formed request with 200").isEqualTo(200);
            assertThat(json(unknownId).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
            assertThat(courses.requests()).as("a refused operation calls no service").hasSize(calls);

            producer.send(new ProducerRecord<>(topics.operations(), hash, null)).get();
            for (RunningGateway gateway : new RunningGateway[] {one, two}) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(json(post(gateway, RunningGateway.body(REGISTERED))).at("/errors/0/extensions/code").asText())
                                .as("a withdrawn registration no longer runs").isEqualTo("PERSISTED_QUERY_NOT_ALLOWED"));
            }
        }
    }

    @Test
    void anApqClientSendsTheHashThenTheDocumentOnceThenTheHashAlone() throws Exception {
        String query = "{ course(id: \"c-2\") { title } }";
        String hex = DocumentHash.of(query).substring(DocumentHash.PREFIX.length());
        String hashOnly = "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hex + "\"}}}";
        try (RecordingServer courses = CoursesService.start();
             RunningGateway gateway = RunningGateway.start("TrustedDocumentsOverHttpTest", Map.of())) {
            gateway.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));

            HttpResponse<String> unknown = post(gateway, hashOnly);
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(json(unknown).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
            assertThat(json(unknown).at("/errors/0/message").asText()).isEqualTo("PersistedQueryNotFound");
            assertThat(courses.requests()).isEmpty();

            String withDocument = "{\"query\":" + JSON.writeValueAsString(query) + ",\"extensions\":{\"persistedQuery\":"
                    + "{\"version\":1,\"sha256Hash\":\"" + hex + "\"}}}";
            assertThat(json(post(gateway, withDocument)).at("/data/course/title").asText()).isEqualTo("Algorithms");

            assertThat(json(post(gateway, hashOnly)).at("/data/course/title").asText()).isEqualTo("Algorithms");
            String extensions = URLEncoder.encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hex + "\"}}",
                    StandardCharsets.UTF_8);
            assertThat(json(gateway.get("/graphql?extensions=" + extensions)).at("/data/course/title").asText())
                    .as("APQ over GET, as Apollo clients send it").isEqualTo("Algorithms");

            String otherHex = DocumentHash.of("{ course(id: \"c-1\") { title } }").substring(DocumentHash.PREFIX.length());
            HttpResponse<String> mismatch = gateway.post("{\"query\":" + JSON.writeValueAsString(query) + ",\"extensions\":"
                    + "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + otherHex + "\"}}}", "Content-Type", "application/json",
                    "Accept", "application/graphql-response+json");
            assertThat(mismatch.statusCode()).isEqualTo(400);
            assertThat(json(mismatch).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
            assertThat(json(post(gateway, "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + otherHex
                    + "\"}}}")).at("/errors/0/extensions/code").asText())
                    .as("a document sent under another's hash is not remembered under it").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        }
    }

    private static HttpResponse<String> post(RunningGateway gateway, String body) {
        return gateway.post(body, "Content-Type", "application/json");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaProducer<String, RegisteredOperation> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                TributarySerdes.registeredOperation().serializer());
    }
}
