package io.tributary.examples.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnersAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PartnersApp app;

    @BeforeAll
    static void start() {
        app = PartnersApp.start(0);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shouldServeOnePartnerById() throws Exception {
        HttpResponse<String> response = get("/partners/p-4");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode partner = JSON.readTree(response.body());
        assertThat(partner.get("id").asText()).isEqualTo("p-4");
        assertThat(partner.get("name").asText()).isEqualTo("Meridian University");
        assertThat(partner.get("kind").asText()).isEqualTo("UNIVERSITY");
        assertThat(partner.get("website").isNull()).isTrue();
        assertThat(partner.get("contact").get("email").asText()).isEqualTo("partnerships@meridian-university.example");
        assertThat(partner.get("subjects").size()).isEqualTo(2);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownId() throws Exception {
        HttpResponse<String> response = get("/partners/p-99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("no partner has the id p-99");
    }

    @Test
    void shouldAnswerMultiGetInTheOrderAskedInANaptimeEnvelope() throws Exception {
        HttpResponse<String> response = get("/partners?ids=p-3,nope,p-1");

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("elements").findValuesAsText("id")).containsExactly("p-3", "p-1");
        assertThat(body.has("paging")).isFalse();
    }

    @Test
    void shouldPageThroughAllPartnersWithStartAndLimit() throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode page = JSON.readTree(get("/partners?start=0&limit=12").body());
        while (true) {
            page.get("elements").forEach(p -> ids.add(p.get("id").asText()));
            assertThat(page.get("paging").get("total").asInt()).isEqualTo(30);
            if (!page.get("paging").has("next")) {
                break;
            }
            page = JSON.readTree(get("/partners?start=" + page.get("paging").get("next").asInt() + "&limit=12").body());
        }

        assertThat(ids).hasSize(30).doesNotHaveDuplicates().startsWith("p-1", "p-2").endsWith("p-30");
    }

    @Test
    void shouldPageTenByDefault() throws Exception {
        JsonNode page = JSON.readTree(get("/partners").body());

        assertThat(page.get("elements").size()).isEqualTo(10);
        assertThat(page.get("paging").get("next").asInt()).isEqualTo(10);
    }

    @Test
    void shouldRefuseALimitOutOfRangeSayingWhy() throws Exception {
        HttpResponse<String> response = get("/partners?limit=500");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("limit must be a whole number from 1 to 100, was '500'");
    }

    @Test
    void shouldRefuseWrites() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.uri().resolve("/partners"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldServeItsOpenApiDocument() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(app.openApiUri()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(response.body()).isEqualTo(PartnersApp.openApiDocument());
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("openapi: 3.1.0");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
