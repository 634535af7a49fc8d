package io.tributary.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL documents in the files an operator registers: a {@code .graphql} file is one document; a JSON file is a
 * persisted query manifest, Apollo's ({@code {"format": "apollo-persisted-query-manifest", "operations": [{"name",
 * "body"}]}}) or Relay's ({@code {"id": "document", ...}}), and holds one document per operation.
 */
final class OperationFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One document and where it came from: the file, and the operation's name or id in a manifest.
     *
     * @param id the id a manifest gives the document, which clients send for it (Relay's map key, Apollo's {@code id});
     *           null for a {@code .graphql} file
     */
    record Source(String origin, String document, String id) {
    }

    private OperationFiles() {
    }

    static List<Source> read(List<Path> files) {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new OperatorException("cannot read " + file + ": " + e.getMessage());
            }
            if (file.getFileName().toString().endsWith(".json")) {
                sources.addAll(manifest(file, text));
            } else {
                sources.add(new Source(file.toString(), text, null));
            }
        }
        return sources;
    }

    private static List<Source> manifest(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new OperatorException(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new OperatorException(file + " is neither an Apollo nor a Relay persisted query manifest: it is not a JSON object");
        }
        List<Source> sources = new ArrayList<>();
        if (root.has("operations")) {
            for (JsonNode operation : root.get("operations")) {
                JsonNode body = operation.get("body");
                if (body == null || !body.isTextual()) {
                    throw new OperatorException(file + ": an operation of the Apollo manifest has no 'body' string");
                }
                String name = operation.path("name").asText(operation.path("id").asText("?"));
                sources.add(new Source(file + " " + name, body.asText(), operation.path("id").isTextual() ? operation.get("id").asText() : null));
            }
            return sources;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new OperatorException(file + " is neither an Apollo manifest (no 'operations') nor a Relay one ('"
                        + entry.getKey() + "' is not a document string)");
            }
            sources.add(new Source(file + " " + entry.getKey(), entry.getValue().asText(), entry.getKey()));
        }
        return sources;
    }
}
