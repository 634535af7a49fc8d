package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import graphql.ExecutionResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.tributary.gateway.GatewayJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes GraphQL responses, and the errors of requests not executed, in the negotiated format with their status. */
final class GraphQLResponses {

    private GraphQLResponses() {
    }

    static MutableHttpResponse<byte[]> result(ResponseFormat format, ExecutionResult result) {
        return body(format, format.statusFor(result), result.toSpecification());
    }

    static MutableHttpResponse<byte[]> rejection(ResponseFormat format, HttpRejection rejection) {
        MutableHttpResponse<byte[]> response = body(format, rejection.status(), error(rejection.code(), rejection.getMessage()));
        rejection.headers().forEach(response::header);
        return response;
    }

    /** 406: the client accepts neither GraphQL response type, so the error is sent as plain JSON. */
    static final HttpRejection NOT_ACCEPTABLE = new HttpRejection(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
            "Accept application/graphql-response+json or application/json.");

    private static Map<String, Object> error(String code, String message) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    private static MutableHttpResponse<byte[]> body(ResponseFormat format, HttpStatus status, Map<String, Object> body) {
        try {
            return HttpResponse.<byte[]>status(status)
                    .contentType(format.mediaType())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(GatewayJson.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
