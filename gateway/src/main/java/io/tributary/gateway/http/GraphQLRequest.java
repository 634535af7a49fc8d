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
 * not a well-formed request (not JSON, neither a {@code query} string nor a document id, {@code variables} not an
 * object) is a 400. A persisted document is named by {@code documentId} (GraphQL over HTTP's persisted documents),
 * {@code id} or {@code doc_id} (Relay's persisted queries, and others'), or by
 * {@code extensions.persistedQuery.sha256Hash} (Apollo's automatic persisted queries); the query may then be absent.
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables, String documentId) {

    GraphQLRequest(String query, String operationName, Map<String, Object> variables) {
        this(query, operationName, variables, null);
    }

    /** The request with the document it runs, once its document id has been resolved. */
    GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, documentId);
    }

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
        Map<String, Object> extensions = object(json, node.get("extensions"), "extensions");
        String documentId = documentId(firstOf(text(node.get("documentId"), "documentId"), text(node.get("id"), "id"),
                text(node.get("doc_id"), "doc_id")), extensions);
        JsonNode query = node.get("query");
        if (documentId != null && (query == null || query.isNull())) {
            return new GraphQLRequest(null, operationName(node.get("operationName")), object(json, node.get("variables"), "variables"),
                    documentId);
        }
        if (query == null || !query.isTextual()) {
            throw HttpRejection.badRequest("'query' must be a string holding the GraphQL document.");
        }
        return new GraphQLRequest(query.asText(), operationName(node.get("operationName")),
                object(json, node.get("variables"), "variables"), documentId);
    }

    /** A GET request's parameters; {@code variables} and {@code extensions} are JSON-encoded. */
    static GraphQLRequest fromParameters(ObjectMapper json, Map<String, List<String>> parameters) {
        String query = first(parameters, "query");
        Map<String, Object> extensions = decoded(json, first(parameters, "extensions"), "extensions");
        String documentId = documentId(firstOf(first(parameters, "documentId"), first(parameters, "id"), first(parameters, "doc_id")),
                extensions);
        if (query == null && documentId == null) {
            throw HttpRejection.badRequest("The 'query' URL parameter is missing.");
        }
        String operationName = first(parameters, "operationName");
        Map<String, Object> variables = decoded(json, first(parameters, "variables"), "variables");
        return new GraphQLRequest(query, operationName == null || operationName.isEmpty() ? null : operationName, variables, documentId);
    }

    /** The id sent as {@code documentId}, or else as {@code id} (Relay's persisted queries) or {@code doc_id}. */
    private static String firstOf(String documentId, String id, String docId) {
        return documentId != null ? documentId : id != null ? id : docId;
    }

    /** The document id sent as {@code documentId}, or else as Apollo's {@code persistedQuery.sha256Hash} extension. */
    private static String documentId(String documentId, Map<String, Object> extensions) {
        if (documentId != null) {
            return documentId;
        }
        if (!(extensions.get("persistedQuery") instanceof Map<?, ?> persisted)) {
            if (extensions.containsKey("persistedQuery") && extensions.get("persistedQuery") != null) {
                throw HttpRejection.badRequest("'extensions.persistedQuery' must be an object with a 'sha256Hash' string.");
            }
            return null;
        }
        if (!(persisted.get("sha256Hash") instanceof String hash)) {
            throw HttpRejection.badRequest("'extensions.persistedQuery.sha256Hash' must be a string.");
        }
        return hash;
    }

    private static String text(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HttpRejection.badRequest("'" + name + "' must be a string or null.");
        }
        return node.asText();
    }

    /**
     * The kind of operation the request would run, when the document parses and names it unambiguously; otherwise
     * empty, and execution reports the problem.
     */
    Optional<OperationDefinition.Operation> operationKind() {
        if (query == null) {
            return Optional.empty();
        }
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
