package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a GraphQL-over-HTTP request, from a JSON body (POST) or the URL's query (GET); anything that is
 * not a well-formed request (not JSON, no {@code query} string, {@code variables} not an object) is a 400.
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {

    static GraphQLRequest fromJson(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw HttpRejection.badRequest("The request body is empty; send a JSON object with a 'query' string.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw HttpRejection.badRequest("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw HttpRejection.badRequest("The request body must be a JSON object with a 'query' string.");
        }
        JsonNode query = node.get("query");
        if (query == null || !query.isTextual()) {
            throw HttpRejection.badRequest("'query' must be a string holding the GraphQL document.");
        }
        object(json, node.get("extensions"), "extensions");
        return new GraphQLRequest(query.asText(), operationName(node.get("operationName")),
                object(json, node.get("variables"), "variables"));
    }

    /** A GET request's parameters; {@code variables} and {@code extensions} are JSON-encoded. */
    static GraphQLRequest fromParameters(ObjectMapper json, Map<String, List<String>> parameters) {
        String query = first(parameters, "query");
        if (query == null) {
            throw HttpRejection.badRequest("The 'query' URL parameter is missing.");
        }
        String operationName = first(parameters, "operationName");
        Map<String, Object> variables = decoded(json, first(parameters, "variables"), "variables");
        decoded(json, first(parameters, "extensions"), "extensions");
        return new GraphQLRequest(query, operationName == null || operationName.isEmpty() ? null : operationName, variables);
    }

    /**
     * The kind of operation the request would run, when the document parses and names it unambiguously; otherwise
     * empty, and execution reports the problem.
     */
    Optional<OperationDefinition.Operation> operationKind() {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? Optional.of(operations.getFirst().getOperation()) : Optional.empty();
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().map(OperationDefinition::getOperation);
    }

    private static String operationName(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HttpRejection.badRequest("'operationName' must be a string or null.");
        }
        return node.asText().isEmpty() ? null : node.asText();
    }

    private static Map<String, Object> decoded(ObjectMapper json, String text, String name) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return object(json, json.readTree(text), name);
        } catch (JsonProcessingException e) {
            throw HttpRejection.badRequest("The '" + name + "' URL parameter is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(ObjectMapper json, JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw HttpRejection.badRequest("'" + name + "' must be a JSON object or null.");
        }
        return json.convertValue(node, Map.class);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
