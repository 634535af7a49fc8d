package io.tributary.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.gateway.http.RunningGateway;
import io.tributary.gateway.http.TestViews;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A gateway verifying tokens against an identity provider's JWKS: 401s for bad tokens, scopes enforced per field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COURSE = RunningGateway.body("{ course(id: \"c-1\") { title } }");

    private final RecordingServer courses = CoursesService.start();
    private final JwksServer identityProvider = new JwksServer(Tokens.RSA);
    private RunningGateway gateway;

    @BeforeAll
    void start() {
        gateway = RunningGateway.start("ScopesOverHttpTest", Map.of(
                "tributary.gateway.security.jwks-url", identityProvider.url(),
                "tributary.gateway.security.issuer", Tokens.ISSUER,
                "tributary.gateway.security.audience", Tokens.AUDIENCE));
        gateway.apply(TestViews.view(1, courses.baseUrl(), TestViews.scopedCourses()));
    }

    @AfterAll
    void stop() {
        gateway.close();
        identityProvider.close();
        courses.close();
    }

    @BeforeEach
    void reset() {
        courses.clear();
    }

    @Test
    void shouldServeAFieldToACallerWhoseTokenGrantsItsScope() throws IOException {
        HttpResponse<String> response = post("Bearer " + Tokens.rs256(Tokens.claims("courses:read").build()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/course/title").asText()).isEqualTo("Machine Learning");
    }

    @Test
    void shouldDenyAFieldWhoseScopeTheTokenLacksWithoutCallingTheService() throws IOException {
        HttpResponse<String> response = post("Bearer " + Tokens.rs256(Tokens.claims("enrollments:read").build()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(response).at("/data/course").isNull()).isTrue();
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldDenyAFieldToACallerWithoutTokenWithoutCallingTheService() throws IOException {
        HttpResponse<String> response = gateway.post(COURSE, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer401WithAGraphQLErrorForAnExpiredToken() throws IOException {
        String expired = Tokens.rs256(Tokens.claims("courses:read").expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build());

        HttpResponse<String> response = post("Bearer " + expired);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(json(response).at("/errors/0/message").asText()).contains("Expired");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer401ForATokenWithABadSignature() throws IOException {
        HttpResponse<String> response = post("Bearer " + Tokens.signed(Tokens.OTHER_RSA, Tokens.claims("courses:read").build()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer401ForATokenForAnotherAudienceEvenToOlderClients() {
        HttpResponse<String> response = gateway.post(COURSE, "Content-Type", "application/json", "Accept", "application/json",
                "Authorization", "Bearer " + Tokens.rs256(Tokens.claims("courses:read").audience("another-api").build()));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String authorization) {
        return gateway.post(COURSE, "Content-Type", "application/json", "Authorization", authorization);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
