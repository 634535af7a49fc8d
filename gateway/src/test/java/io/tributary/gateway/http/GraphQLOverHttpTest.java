package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import io.micronaut.context.annotation.Requires;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import io.tributary.gateway.schema.ViewInstrumentation;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.view.SchemaView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The GraphQL-over-HTTP behaviours of {@code /graphql}, through a real gateway over a real courses service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "GraphQLOverHttpTest";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String COURSE = "{ course(id: \"c-1\") { id title } }";

    private final RecordingServer courses = CoursesService.start();
    private RunningGateway gateway;

    /** Records the request each execution sees, to check what the controller hands to the graph. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static final class Requests implements ViewInstrumentation {
        final List<GatewayRequest> seen = new CopyOnWriteArrayList<>();

        @Override
        public Instrumentation forView(SchemaView view, DownstreamCalls calls) {
            return new SimplePerformantInstrumentation() {
                @Override
                public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
                    seen.add(parameters.getExecutionInput().getGraphQLContext().get(GatewayRequest.class));
                    return null;
                }
            };
        }
    }

    @BeforeAll
    void start() {
        gateway = RunningGateway.start(SPEC, Map.of("tributary.gateway.limits.max-document-size", 2_000,
                "tributary.gateway.service-forwarded-headers.courses", "X-Api-Key,x-tenant-id"));
        gateway.apply(TestViews.view(1, courses.baseUrl(), CourseCatalogs.v2("a")));
    }

    @AfterAll
    void stop() {
        gateway.close();
        courses.close();
    }

    @BeforeEach
    void reset() {
        courses.failWith(0);
        courses.clear();
        gateway.context().getBean(Requests.class).seen.clear();
    }

    @Test
    void shouldExecuteAPostedQueryAndAnswerInGraphQLResponseJson() throws IOException {
        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE),
                "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(GRAPHQL_RESPONSE + ";charset=utf-8");
        assertThat(json(response).at("/data/course/title").asText()).isEqualTo("Machine Learning");
    }

    @Test
    void shouldAnswerApplicationJsonToALegacyClientThatSendsNoAcceptOrAWildcard() {
        HttpResponse<String> none = gateway.post(RunningGateway.body("{ course(id: \"c-1\") { nope } }"), "Content-Type", "application/json");
        HttpResponse<String> wildcard = gateway.post(RunningGateway.body(COURSE), "Content-Type", "application/json", "Accept", "*/*");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(wildcard.statusCode()).isEqualTo(200);
        assertThat(wildcard.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    }

    @Test
    void shouldAnswerApplicationJsonToAClientThatAcceptsOnlyThat() {
        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE),
                "Content-Type", "application/json; charset=utf-8", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    }

    @Test
    void shouldExecuteAQuerySentWithGetWithItsVariablesAndOperationName() throws IOException {
        HttpResponse<String> response = gateway.get("/graphql?query=" + encode("query Other { __typename } "
                        + "query One($id: ID!) { course(id: $id) { title } }")
                        + "&variables=" + encode("{\"id\":\"c-2\"}") + "&operationName=One",
                "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/course/title").asText()).isEqualTo("Algorithms");
    }

    @Test
    void shouldRefuseAMutationSentWithGetWith405AndAllowPost() throws IOException {
        HttpResponse<String> response = gateway.get("/graphql?query=" + encode("mutation { courseDelete(id: \"c-1\") }"),
                "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(code(response)).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer400ForADocumentThatDoesNotParseInGraphQLResponseJson() throws IOException {
        HttpResponse<String> response = gateway.post("{\"query\":\"{\"}", "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).has("data")).isFalse();
        assertThat(json(response).at("/errors/0/message").asText()).containsIgnoringCase("invalid syntax");
    }

    @Test
    void shouldAnswer200ForADocumentThatDoesNotParseInApplicationJson() throws IOException {
        HttpResponse<String> response = gateway.post("{\"query\":\"{\"}", "Content-Type", "application/json", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/errors/0/message").asText()).containsIgnoringCase("invalid syntax");
    }

    @Test
    void shouldAnswer400ForAnOperationThatFailsValidation() throws IOException {
        HttpResponse<String> response = gateway.post(RunningGateway.body("{ course(id: \"c-1\") { nope } }"),
                "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/message").asText()).contains("nope");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer400ForVariablesThatDoNotCoerce() throws IOException {
        HttpResponse<String> response = gateway.post("{\"query\":\"query($id: ID!) { course(id: $id) { id } }\",\"variables\":{}}",
                "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).has("data")).isFalse();
    }

    @Test
    void shouldAnswer200WithPartialDataWhenAFieldFails() throws IOException {
        courses.failWith(503);

        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE),
                "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("data").get("course").isNull()).isTrue();
        assertThat(body.at("/errors/0/path/0").asText()).isEqualTo("course");
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotJson() throws IOException {
        HttpResponse<String> response = gateway.post(COURSE, "Content-Type", "application/graphql", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(code(response)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shouldAnswer415ForAPostWithoutContentType() throws IOException {
        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE), "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(code(response)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shouldAnswer415ForJsonInAnotherCharsetThanUtf8() {
        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE), "Content-Type", "application/json; charset=utf-16");

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldAnswer415ForAFormPost() {
        HttpResponse<String> response = gateway.post("query=" + encode(COURSE), "Content-Type", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldAnswer400ForMalformedJsonEvenToOlderClients() throws IOException {
        for (String accept : List.of(GRAPHQL_RESPONSE, "application/json")) {
            HttpResponse<String> response = gateway.post("{\"query\":", "Content-Type", "application/json", "Accept", accept);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(code(response)).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void shouldAnswer400ForARequestThatIsNotAWellFormedGraphQLRequest() {
        for (String body : List.of("{\"qeury\":\"{ __typename }\"}", "{\"query\":\"{ __typename }\",\"variables\":[7]}",
                "[]", "{\"query\":42}", "")) {
            HttpResponse<String> response = gateway.post(body, "Content-Type", "application/json");

            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
    }

    @Test
    void shouldAnswer400ForAGetWithoutQueryOrWithVariablesThatAreNotJson() {
        assertThat(gateway.get("/graphql", "Accept", GRAPHQL_RESPONSE).statusCode()).isEqualTo(400);
        assertThat(gateway.get("/graphql?query=" + encode(COURSE) + "&variables=" + encode("{id"), "Accept", GRAPHQL_RESPONSE)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer406WhenTheClientAcceptsNeitherResponseType() throws IOException {
        HttpResponse<String> response = gateway.post(RunningGateway.body(COURSE), "Content-Type", "application/json", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(code(response)).isEqualTo("NOT_ACCEPTABLE");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldRejectADocumentOverTheSizeLimitWithAClearError() throws IOException {
        String big = "{ course(id: \"c-1\") { id " + "title ".repeat(400) + "} }";

        HttpResponse<String> response = gateway.post(RunningGateway.body(big), "Content-Type", "application/json", "Accept", GRAPHQL_RESPONSE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldRefuseABodyOverAMegabyteBeforeReadingIt() {
        String huge = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}";

        assertThat(gateway.post(huge, "Content-Type", "application/json").statusCode()).isEqualTo(413);
    }

    @Test
    void shouldHandTheGraphOnlyTheAllowlistedHeadersAndAnAnonymousCaller() {
        gateway.post(RunningGateway.body(COURSE), "Content-Type", "application/json",
                "Authorization", "Bearer abc", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "Accept-Language", "de", "Cookie", "session=secret", "X-Internal", "1");

        GatewayRequest seen = gateway.context().getBean(Requests.class).seen.getFirst();
        assertThat(seen.forwardedHeaders()).containsOnly(
                Map.entry("Authorization", "Bearer abc"),
                Map.entry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                Map.entry("Accept-Language", "de"));
        assertThat(seen.caller().authenticated()).isFalse();
    }

    @Test
    void shouldForwardTheHeadersItsConfigurationNamesForAService() {
        gateway.post(RunningGateway.body(COURSE), "Content-Type", "application/json", "X-Api-Key", "key-1", "X-Tenant-Id", "acme",
                "Authorization", "Bearer abc");

        assertThat(courses.requests()).singleElement().satisfies(call -> assertThat(call.headers())
                .containsEntry("x-api-key", "key-1").containsEntry("x-tenant-id", "acme").containsEntry("authorization", "Bearer abc"));
    }

    @Test
    void shouldTimeQueriesByOperationAndOutcomeForPrometheus() {
        gateway.post(RunningGateway.body("query CourseTitle " + COURSE), "Content-Type", "application/json");
        gateway.post(RunningGateway.body("query Broken { nope }"), "Content-Type", "application/json");

        HttpResponse<String> metrics = gateway.get("/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("tributary_gateway_query_seconds_count\\{[^}]*operation=\"CourseTitle\",outcome=\"success\",type=\"query\"} 1")
                .containsPattern("tributary_gateway_query_seconds_count\\{[^}]*operation=\"Broken\",outcome=\"rejected\",type=\"unknown\"} 1");
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return json(response).at("/errors/0/extensions/code").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
