package io.tributary.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.Operation;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import java.util.List;
import java.util.TreeMap;

/**
 * Renders resources as readable, stable JSON (model schemas inline, not escaped), for golden files that a reviewer
 * reads and for operators' {@code --json} output. Not a wire format: the wire is Avro.
 */
public final class CatalogJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        return node;
    }

    private static ObjectNode relation(Relation relation) {
        ObjectNode node = JSON.createObjectNode().put("field", relation.field()).put("target", relation.target());
        switch (relation) {
            case Relation.Forward forward -> node.put("forward", forward.sourceField());
            case Relation.Reverse reverse -> {
                node.put("reverse", reverse.finder());
                node.set("arguments", JSON.valueToTree(new TreeMap<>(reverse.arguments())));
            }
            case Relation.Through through -> through.path().forEach(node.putArray("through")::add);
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
}
