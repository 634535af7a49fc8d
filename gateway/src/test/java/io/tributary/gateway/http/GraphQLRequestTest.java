package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.OperationDefinition.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a GraphQL-over-HTTP request from a JSON body or URL parameters, and refusing what is not one. */
class GraphQLRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadTheQueryItsVariablesAndTheOperationNameFromJson() {
        GraphQLRequest request = fromJson("{\"query\":\"query Q($id: ID!) { course(id: $id) { id } }\","
                + "\"operationName\":\"Q\",\"variables\":{\"id\":\"c-1\"},\"extensions\":{\"persisted\":true}}");

        assertThat(request).isEqualTo(new GraphQLRequest("query Q($id: ID!) { course(id: $id) { id } }", "Q", Map.of("id", "c-1")));
    }

    @Test
    void shouldTreatNullOptionalParametersAsAbsent() {
        assertThat(fromJson("{\"query\":\"{ a }\",\"operationName\":null,\"variables\":null,\"extensions\":null}"))
                .isEqualTo(new GraphQLRequest("{ a }", null, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONSENSE", "{\"query\":", "[]", "\"{ a }\"", "{}", "{\"qeury\":\"{ a }\"}", "{\"query\":42}",
            "{\"query\":\"{ a }\",\"variables\":[7]}", "{\"query\":\"{ a }\",\"variables\":\"{}\"}",
            "{\"query\":\"{ a }\",\"operationName\":5}", "{\"query\":\"{ a }\",\"extensions\":\"x\"}"})
    void shouldRejectABodyThatIsNotAWellFormedRequest(String body) {
        assertThatThrownBy(() -> fromJson(body)).isInstanceOfSatisfying(HttpRejection.class,
                rejection -> assertThat(rejection.status().getCode()).isEqualTo(400));
    }

    @Test
    void shouldReadAPersistedDocumentsIdWithOrWithoutItsQuery() {
        assertThat(fromJson("{\"documentId\":\"sha256:abc\"}")).isEqualTo(new GraphQLRequest(null, null, Map.of(), "sha256:abc"));
        assertThat(fromJson("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}").documentId())
                .as("Apollo's automatic persisted queries").isEqualTo("abc");
        assertThat(fromJson("{\"query\":\"{ a }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}"))
                .isEqualTo(new GraphQLRequest("{ a }", null, Map.of(), "abc"));
        assertThat(GraphQLRequest.fromParameters(JSON, Map.of("documentId", List.of("sha256:abc"))).documentId()).isEqualTo("sha256:abc");
    }

    @Test
    void shouldReadRelaysIdAndDocIdAsTheDocumentId() {
        assertThat(fromJson("{\"id\":\"d7fe099d\",\"variables\":{\"x\":1}}"))
                .isEqualTo(new GraphQLRequest(null, null, Map.of("x", 1), "d7fe099d"));
        assertThat(fromJson("{\"doc_id\":\"d7fe099d\",\"query\":null}").documentId()).isEqualTo("d7fe099d");
        assertThat(fromJson("{\"documentId\":\"sha256:abc\",\"id\":\"d7fe099d\"}").documentId()).isEqualTo("sha256:abc");
        assertThat(GraphQLRequest.fromParameters(JSON, Map.of("id", List.of("d7fe099d"))).documentId()).isEqualTo("d7fe099d");
        assertThat(GraphQLRequest.fromParameters(JSON, Map.of("doc_id", List.of("d7fe099d"))).documentId()).isEqualTo("d7fe099d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"documentId\":7}", "{\"extensions\":{\"persistedQuery\":\"abc\"}}",
            "{\"extensions\":{\"persistedQuery\":{\"sha256Hash\":7}}}", "{\"extensions\":{\"persistedQuery\":{}}}"})
    void shouldRejectADocumentIdThatIsNotAString(String body) {
        assertThatThrownBy(() -> fromJson(body)).isInstanceOfSatisfying(HttpRejection.class,
                rejection -> assertThat(rejection.status().getCode()).isEqualTo(400));
    }

    @Test
    void shouldReadJsonEncodedVariablesFromUrlParameters() {
        GraphQLRequest request = GraphQLRequest.fromParameters(JSON, Map.of("query", List.of("{ a }"),
                "variables", List.of("{\"n\":1}"), "operationName", List.of("")));

        assertThat(request).isEqualTo(new GraphQLRequest("{ a }", null, Map.of("n", 1)));
    }

    @Test
    void shouldRejectUrlParametersWithoutQueryOrWithVariablesThatAreNotAJsonObject() {
        assertThatThrownBy(() -> GraphQLRequest.fromParameters(JSON, Map.of())).isInstanceOf(HttpRejection.class);
        assertThatThrownBy(() -> GraphQLRequest.fromParameters(JSON, Map.of("query", List.of("{ a }"), "variables", List.of("[1]"))))
                .isInstanceOf(HttpRejection.class);
        assertThatThrownBy(() -> GraphQLRequest.fromParameters(JSON, Map.of("query", List.of("{ a }"), "extensions", List.of("{"))))
                .isInstanceOf(HttpRejection.class);
    }

    @Test
    void shouldTellWhichKindOfOperationWouldRun() {
        String document = "query Read { a } mutation Write { b }";

        assertThat(new GraphQLRequest(document, "Write", Map.of()).operationKind()).hasValue(Operation.MUTATION);
        assertThat(new GraphQLRequest(document, "Read", Map.of()).operationKind()).hasValue(Operation.QUERY);
        assertThat(new GraphQLRequest("mutation { b }", null, Map.of()).operationKind()).hasValue(Operation.MUTATION);
        assertThat(new GraphQLRequest(document, null, Map.of()).operationKind()).isEmpty();
        assertThat(new GraphQLRequest("mutation {", null, Map.of()).operationKind()).isEmpty();
    }

    private static GraphQLRequest fromJson(String body) {
        return GraphQLRequest.fromJson(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
