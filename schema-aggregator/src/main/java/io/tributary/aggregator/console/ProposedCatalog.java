package io.tributary.aggregator.console;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.avro.CatalogJson;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.publisher.openapi.InvalidOpenApiDocumentException;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapper;
import io.tributary.publisher.openapi.OpenApiMapping;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog a check page's document proposes: a catalog file read as {@code tributary check --catalog} reads it, or
 * an OpenAPI document mapped as the sidecar maps it. A document that cannot be read is an {@link ApiError} 400 that
 * says why. A pasted OpenAPI document must be self-contained: the aggregator follows no {@code $ref} to a file or URL.
 *
 * @param mapping for an OpenAPI document, the mapping's report (what was mapped, what was left out and why)
 */
record ProposedCatalog(List<Resource> resources, List<OperationField> operations, Optional<String> mapping) {
    /** What the parser is told the document is: it names it in errors. */
    static final String LOCATION = "the pasted document";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ProposedCatalog read(CheckRequest request) {
        return switch (request.kind()) {
            case CATALOG -> catalog(request.document());
            case OPENAPI -> openApi(request.document());
        };
    }

    private static ProposedCatalog catalog(String document) {
        try {
            return new ProposedCatalog(CatalogJson.readResources(document), List.of(), Optional.empty());
        } catch (InvalidCatalogException e) {
            throw new ApiError(400, "the document is not a valid catalog: " + e.getMessage());
        }
    }

    private static ProposedCatalog openApi(String document) {
        requireNoOutsideRefs(document);
        OpenApiMapping mapping;
        try {
            mapping = OpenApiMapper.map(OpenApiCatalogReader.parse(LOCATION, document));
        } catch (InvalidOpenApiDocumentException e) {
            throw new ApiError(400, "the document is not a readable OpenAPI document: " + e.getMessage());
        } catch (RuntimeException e) {
            // As check --openapi: whatever keeps the mapper from mapping the document is the document's to fix.
            throw new ApiError(400, "cannot map the OpenAPI document: " + e.getMessage());
        }
        return new ProposedCatalog(mapping.resources(), mapping.operations(), Optional.of(mapping.report()));
    }

    /** Refuses a {@code $ref} that points outside the document, which the parser would fetch from the aggregator's disk or network. */
    private static void requireNoOutsideRefs(String document) {
        JsonNode tree;
        try {
            tree = YAML.readTree(document);
        } catch (JacksonException e) {
            throw new ApiError(400, "the document is neither JSON nor YAML: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiError(400, "the document is not an OpenAPI document: it is not a JSON or YAML object");
        }
        Deque<JsonNode> nodes = new ArrayDeque<>(List.of(tree));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (field.getKey().equals("$ref") && field.getValue().isTextual() && !field.getValue().asText().startsWith("#")) {
                        throw new ApiError(400, "the document refers to " + field.getValue().asText()
                                + " ($ref): the console reads self-contained documents only; inline what it refers to");
                    }
                    nodes.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(nodes::push);
            }
        }
    }
}
