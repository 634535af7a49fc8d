package io.tributary.gateway.http;

import static io.tributary.gateway.http.ResponseFormat.GRAPHQL_RESPONSE_JSON;
import static io.tributary.gateway.http.ResponseFormat.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing the response's media type from Accept, and the status each type gives a GraphQL response. */
class ResponseFormatTest {

    @Test
    void shouldAnswerJsonWhenTheClientSendsNoAccept() {
        assertThat(negotiate()).hasValue(JSON);
        assertThat(negotiate(" ")).hasValue(JSON);
    }

    @Test
    void shouldAnswerJsonToAClientThatAcceptsOnlyJson() {
        assertThat(negotiate("application/json")).hasValue(JSON);
        assertThat(negotiate("application/json; charset=utf-8")).hasValue(JSON);
    }

    @Test
    void shouldAnswerTheTypeOfHighestQuality() {
        assertThat(negotiate("application/graphql-response+json;q=0.5, application/json")).hasValue(JSON);
        assertThat(negotiate("application/json;q=0.9, application/graphql-response+json")).hasValue(GRAPHQL_RESPONSE_JSON);
    }

    @Test
    void shouldAnswerTheTypeListedFirstAtEqualQuality() {
        assertThat(negotiate("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8"))
                .hasValue(GRAPHQL_RESPONSE_JSON);
        assertThat(negotiate("application/json, application/graphql-response+json")).hasValue(JSON);
    }

    @Test
    void shouldAnswerJsonToWildcardsAndTheTypeTheClientNamesOtherwise() {
        assertThat(negotiate("*/*")).hasValue(JSON);
        assertThat(negotiate("application/*")).hasValue(JSON);
        assertThat(negotiate("application/graphql-response+json, */*")).hasValue(GRAPHQL_RESPONSE_JSON);
        assertThat(negotiate("*/*, application/graphql-response+json")).hasValue(GRAPHQL_RESPONSE_JSON);
        assertThat(negotiate("application/graphql-response+json")).hasValue(GRAPHQL_RESPONSE_JSON);
        assertThat(negotiate("application/json, multipart/mixed, */*;q=0.8")).hasValue(JSON);
        assertThat(negotiate("text/html", "application/json")).hasValue(JSON);
    }

    @Test
    void shouldAcceptNothingWhenTheClientAcceptsNeitherType() {
        assertThat(negotiate("text/html")).isEmpty();
        assertThat(negotiate("application/json;q=0")).isEmpty();
        assertThat(negotiate("application/json; charset=iso-8859-1")).isEmpty();
        assertThat(negotiate("application/graphql-response+json;q=0, */*;q=0")).isEmpty();
    }

    @Test
    void shouldLetAMoreSpecificRangeOverrideAWildcard() {
        assertThat(negotiate("application/graphql-response+json;q=0, */*")).hasValue(JSON);
    }

    @Test
    void shouldAnswer400InGraphQLResponseJsonOnlyForResponsesWithoutData() {
        ExecutionResult requestError = new ExecutionResultImpl(List.of(GraphqlErrorBuilder.newError().message("invalid").build()));
        ExecutionResult fieldError = new ExecutionResultImpl(null, List.of(GraphqlErrorBuilder.newError().message("failed").build()));

        assertThat(GRAPHQL_RESPONSE_JSON.statusFor(requestError).getCode()).isEqualTo(400);
        assertThat(GRAPHQL_RESPONSE_JSON.statusFor(fieldError).getCode()).isEqualTo(200);
        assertThat(JSON.statusFor(requestError).getCode()).isEqualTo(200);
    }

    private static Optional<ResponseFormat> negotiate(String... accept) {
        return ResponseFormat.negotiate(List.of(accept));
    }
}
