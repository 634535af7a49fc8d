package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import graphql.ExecutionResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.tributary.gateway.GatewayJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        return HttpResponse.<byte[]>status(status)
                .contentType(format.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(json(body));
    }

    /**
     * The body as JSON, written as Jackson writes it, but walking the maps, lists and plain values a GraphQL result is
     * made of directly rather than through Jackson's serializer lookup for each untyped value; anything else is left
     * to the mapper's serializers.
     */
    static byte[] json(Map<String, Object> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = GatewayJson.MAPPER.createGenerator(bytes)) {
            write(json, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case List<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case Boolean bool -> json.writeBoolean(bool);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number);
            default -> json.writeObject(value);
        }
    }
}
