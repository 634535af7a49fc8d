package io.tributary.cli.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.avro.ReadableJson;
import java.io.PrintWriter;

/** The operator commands' {@code --json}: one indented JSON document on standard output. */
final class JsonOutput {
    private static final ObjectMapper JSON = ReadableJson.MAPPER;

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object document) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(document));
        out.flush();
    }

    /** Parses JSON another renderer produced, to nest it in a document. */
    static JsonNode tree(String json) throws JsonProcessingException {
        return JSON.readTree(json);
    }
}
