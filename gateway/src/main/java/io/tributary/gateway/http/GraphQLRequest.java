package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The body of a GraphQL-over-HTTP request: a query, its variables and optionally which operation to run. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {

    @SuppressWarnings("unchecked")
    static GraphQLRequest parse(ObjectMapper json, String body) throws JsonProcessingException {
        JsonNode node = json.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode query = node.get("query");
        if (query == null || !query.isTextual()) {
            throw new IllegalArgumentException("'query' must be a string");
        }
        JsonNode operationName = node.get("operationName");
        JsonNode variables = node.get("variables");
        return new GraphQLRequest(query.asText(),
                operationName == null || operationName.isNull() ? null : operationName.asText(),
                variables == null || variables.isNull() ? Map.of() : json.convertValue(variables, Map.class));
    }
}
