package io.tributary.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources as readable, stable JSON (model schemas inline, not escaped): golden files a reviewer reads, and the
 * catalog files {@code tributary check} takes, so a pipeline can check a catalog before anything is deployed.
 * Not a wire format: the wire is Avro.
 */
public final class CatalogJson {
    private static final ObjectMapper JSON = ReadableJson.MAPPER;

    private CatalogJson() {
    }

    public static String resources(List<Resource> resources) {
        ArrayNode array = JSON.createArrayNode();
        resources.forEach(r -> array.add(resource(r)));
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #resources} writes; a malformed file fails with {@link InvalidCatalogException} naming what is wrong. */
    public static List<Resource> readResources(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException("not JSON: " + e.getOriginalMessage());
        }
        if (array == null || !array.isArray()) {
            throw new InvalidCatalogException("a catalog file is a JSON array of resources");
        }
        List<Resource> resources = new ArrayList<>();
        array.forEach(node -> resources.add(readResource(node)));
        return resources;
    }

    private static Resource readResource(JsonNode node) {
        String qualified = text(node, "name", "a resource");
        int dot = qualified.lastIndexOf(".v");
        if (dot < 0) {
            throw new InvalidCatalogException("resource name " + qualified + " must be name.vN, such as courses.v1");
        }
        List<Operation> operations = new ArrayList<>();
        node.path("operations").forEach(op -> operations.add(readOperation(op, qualified)));
        List<Relation> relations = new ArrayList<>();
        node.path("relations").forEach(rel -> relations.add(readRelation(rel, qualified)));
        return new Resource(qualified.substring(0, dot), Integer.parseInt(qualified.substring(dot + 2)),
                node.path("description").asText(""), schema(node.get("model"), qualified + " model"),
                text(node, "keyField", qualified), operations, relations, node.path("deprecated").asText(""));
    }

    /** {@code style} and {@code explode} as OpenAPI spells them ({@code spaceDelimited}); absent, the location's default and false. */
    private static Parameter readParameter(JsonNode p, String resource) {
        String style = p.path("style").asText("");
        return new Parameter(text(p, "name", "a parameter of " + resource), schema(p.get("schema"), "parameter " + p.path("name").asText()),
                Parameter.Location.valueOf(p.path("in").asText("query").toUpperCase(java.util.Locale.ROOT)),
                p.path("required").asBoolean(false), p.path("description").asText(""),
                style.isEmpty() ? null : style(style, p.path("name").asText()),
                p.path("explode").asBoolean(false), p.path("wireName").asText(""), p.path("constant").asText(""));
    }

    private static Parameter.Style style(String style, String parameter) {
        for (Parameter.Style known : Parameter.Style.values()) {
            if (camel(known.name()).equals(style)) {
                return known;
            }
        }
        throw new InvalidCatalogException("style '" + style + "' of parameter " + parameter + " is none of OpenAPI's: form, spaceDelimited, "
                + "pipeDelimited, deepObject, simple, label, matrix");
    }

    private static Operation readOperation(JsonNode node, String resource) {
        String[] request = text(node, "request", "an operation of " + resource).split(" ", 2);
        if (request.length != 2) {
            throw new InvalidCatalogException("request of an operation of " + resource + " must be 'METHOD /path'");
        }
        List<Parameter> parameters = new ArrayList<>();
        node.path("parameters").forEach(p -> parameters.add(readParameter(p, resource)));
        JsonNode envelope = node.path("envelope");
        Operation.Builder builder = Operation.builder(OperationKind.valueOf(text(node, "kind", "an operation of " + resource)),
                        request[0], request[1])
                .name(node.path("name").asText(""))
                .parameters(parameters)
                .envelope(envelope.isMissingNode() ? ResponseEnvelope.BARE : new ResponseEnvelope(envelope.path("elements").asText(""),
                        envelope.path("total").asText(""), envelope.path("next").asText("")))
                .projection(node.path("projection").asBoolean(false))
                .deprecated(node.path("deprecated").asText(""))
                .description(node.path("description").asText(""))
                .bodyEncoding(BodyEncoding.valueOf(node.path("bodyEncoding").asText(BodyEncoding.JSON.name())));
        List<String> scopes = new ArrayList<>();
        node.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        builder.scopes(scopes);
        if (node.has("pagination")) {
            java.util.regex.Matcher paging = java.util.regex.Pattern.compile("(\\w+)\\((\\w+), (\\w+)\\)")
                    .matcher(node.get("pagination").asText());
            if (!paging.matches()) {
                throw new InvalidCatalogException("pagination of an operation of " + resource + " must be STYLE(position, size)");
            }
            builder.pagination(new Pagination(Pagination.Style.valueOf(paging.group(1)), paging.group(2), paging.group(3)));
        }
        return builder.build();
    }

    private static Relation readRelation(JsonNode node, String resource) {
        String field = text(node, "field", "a relation of " + resource);
        String target = text(node, "target", "relation " + field);
        String description = node.path("description").asText("");
        if (node.has("forward")) {
            return new Relation.Forward(field, target, node.get("forward").asText(), node.path("undeclared").asBoolean(false), description);
        }
        if (node.has("reverse")) {
            Map<String, String> arguments = new java.util.LinkedHashMap<>();
            node.path("arguments").properties().forEach(e -> arguments.put(e.getKey(), e.getValue().asText()));
            return new Relation.Reverse(field, target, node.get("reverse").asText(), arguments, description);
        }
        if (node.has("through")) {
            List<String> path = new ArrayList<>();
            node.get("through").forEach(step -> path.add(step.asText()));
            return new Relation.Through(field, target, path, description);
        }
        if (node.has("call")) {
            Map<String, String> arguments = new java.util.LinkedHashMap<>();
            node.get("call").properties().forEach(e -> arguments.put(e.getKey(), e.getValue().asText()));
            return new Relation.Call(field, target, arguments, description);
        }
        throw new InvalidCatalogException("relation " + field + " of " + resource + " needs forward, reverse, through or call");
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidCatalogException(where + " needs '" + field + "'");
        }
        return value.asText();
    }

    private static org.apache.avro.Schema schema(JsonNode node, String what) {
        if (node == null) {
            throw new InvalidCatalogException(what + " is missing");
        }
        try {
            return new org.apache.avro.Schema.Parser().parse(node.toString());
        } catch (org.apache.avro.SchemaParseException e) {
            throw new InvalidCatalogException(what + " is not a valid Avro schema: " + e.getMessage());
        }
    }

    private static ObjectNode resource(Resource resource) {
        ObjectNode node = JSON.createObjectNode()
                .put("name", resource.qualifiedName())
                .put("description", resource.description())
                .put("keyField", resource.keyField());
        if (resource.isDeprecated()) {
            node.put("deprecated", resource.deprecationReason());
        }
        node.set("model", schema(resource.model().toString()));
        ArrayNode operations = node.putArray("operations");
        resource.operations().forEach(op -> operations.add(operation(op)));
        ArrayNode relations = node.putArray("relations");
        resource.relations().forEach(rel -> relations.add(relation(rel)));
        return node;
    }

    private static ObjectNode operation(Operation op) {
        ObjectNode node = JSON.createObjectNode().put("kind", op.kind().name());
        if (!op.name().isEmpty()) {
            node.put("name", op.name());
        }
        node.put("request", op.httpMethod() + " " + op.path());
        ArrayNode parameters = node.putArray("parameters");
        for (Parameter p : op.parameters()) {
            ObjectNode parameter = parameters.addObject()
                    .put("name", p.name())
                    .put("in", p.location().name().toLowerCase(java.util.Locale.ROOT))
                    .put("required", p.required());
            parameter.set("schema", schema(p.schema().toString()));
            if (!p.description().isEmpty()) {
                parameter.put("description", p.description());
            }
            if (p.style() != Parameter.Style.defaultFor(p.location())) {
                parameter.put("style", camel(p.style().name()));
            }
            if (p.explode()) {
                parameter.put("explode", true);
            }
            if (!p.wireName().equals(p.name())) {
                parameter.put("wireName", p.wireName());
            }
            if (p.isConstant()) {
                parameter.put("constant", p.constant());
            }
        }
        if (op.pagination().isPaged()) {
            node.put("pagination", op.pagination().style() + "(" + op.pagination().positionParameter() + ", "
                    + op.pagination().sizeParameter() + ")");
        }
        if (!op.envelope().equals(ResponseEnvelope.BARE)) {
            ObjectNode envelope = node.putObject("envelope");
            putUnlessEmpty(envelope, "elements", op.envelope().elements());
            putUnlessEmpty(envelope, "total", op.envelope().total());
            putUnlessEmpty(envelope, "next", op.envelope().next());
        }
        if (op.projection()) {
            node.put("projection", true);
        }
        if (!op.scopes().isEmpty()) {
            op.scopes().forEach(node.putArray("scopes")::add);
        }
        if (op.isDeprecated()) {
            node.put("deprecated", op.deprecationReason());
        }
        if (!op.description().isEmpty()) {
            node.put("description", op.description());
        }
        if (op.bodyEncoding() != BodyEncoding.JSON) {
            node.put("bodyEncoding", op.bodyEncoding().name());
        }
        return node;
    }

    private static ObjectNode relation(Relation relation) {
        ObjectNode node = JSON.createObjectNode().put("field", relation.field()).put("target", relation.target());
        switch (relation) {
            case Relation.Forward forward -> {
                node.put("forward", forward.sourceField());
                if (forward.undeclared()) {
                    node.put("undeclared", true);
                }
            }
            case Relation.Reverse reverse -> {
                node.put("reverse", reverse.finder());
                node.set("arguments", JSON.valueToTree(new TreeMap<>(reverse.arguments())));
            }
            case Relation.Through through -> through.path().forEach(node.putArray("through")::add);
            case Relation.Call call -> node.set("call", JSON.valueToTree(new TreeMap<>(call.arguments())));
        }
        if (!relation.description().isEmpty()) {
            node.put("description", relation.description());
        }
        return node;
    }

    private static void putUnlessEmpty(ObjectNode node, String name, String value) {
        if (!value.isEmpty()) {
            node.put(name, value);
        }
    }

    private static JsonNode schema(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Avro schema always prints as JSON", e);
        }
    }

    /** {@code SPACE_DELIMITED} as OpenAPI spells it: {@code spaceDelimited}. */
    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            out.append(out.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
