package io.tributary.aggregator.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * What the check page posts: the service a proposed catalog belongs to, what kind of document it is, the document's
 * text, and how many days of usage to judge it by. Parsed strictly: anything missing or malformed is an
 * {@link ApiError} 400 that names the field.
 *
 * @param usageDays how many days back the operations clients sent count: 1 to the 30 the console keeps
 */
record CheckRequest(String service, Kind kind, String document, int usageDays) {
    /** The days {@code tributary check} judges by unless told otherwise. */
    static final int DEFAULT_USAGE_DAYS = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the document is: a catalog file (the format {@code check --catalog} reads) or an OpenAPI document. */
    enum Kind { CATALOG, OPENAPI }

    static CheckRequest parse(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "the request is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "cannot read the request: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ApiError(400, "give a JSON object {\"service\": ..., \"kind\": \"catalog\"|\"openapi\", \"document\": ...}");
        }
        String service = text(json, "service");
        String kind = text(json, "kind");
        String document = text(json, "document");
        if (service.isBlank()) {
            throw new ApiError(400, "service is empty: name the service the catalog belongs to");
        }
        Kind parsedKind = switch (kind.toLowerCase(Locale.ROOT)) {
            case "catalog" -> Kind.CATALOG;
            case "openapi" -> Kind.OPENAPI;
            default -> throw new ApiError(400, "kind is '" + kind + "': give catalog or openapi");
        };
        if (document.isBlank()) {
            throw new ApiError(400, "document is empty: paste or upload the " + kind + " document");
        }
        int usageDays = DEFAULT_USAGE_DAYS;
        JsonNode days = json.get("usageDays");
        if (days != null && !days.isNull()) {
            if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > ConsoleState.USAGE_KEPT.toDays()) {
                throw new ApiError(400, "usageDays is " + days + ": give a whole number of days from 1 to " + ConsoleState.USAGE_KEPT.toDays()
                        + " (the usage the console keeps)");
            }
            usageDays = days.asInt();
        }
        return new CheckRequest(service.strip(), parsedKind, document, usageDays);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new ApiError(400, field + " is missing");
        }
        if (!node.isTextual()) {
            throw new ApiError(400, field + " must be a string, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.asText();
    }
}
