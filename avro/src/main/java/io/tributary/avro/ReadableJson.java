package io.tributary.avro;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson mapper for Tributary's readable JSON: views and catalogs as people read them, and the operator
 * commands' {@code --json}. Indented; configured once, so it is safe to share between threads.
 */
public final class ReadableJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadableJson() {
    }
}
