package io.tributary.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Earlier versions of a wire record's schema, kept as resources ({@code io/tributary/avro/schemas/}), so a decoder
 * resolves values they wrote to the current record: every field added since has a default. Single-object encoding
 * names the writer schema by fingerprint only, so a reader must know each earlier schema to read its values.
 */
final class WriterSchemas {
    private WriterSchemas() {
    }

    /** A schema store that knows the given earlier schemas, by resource name. */
    static SchemaStore earlier(String... resources) {
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (String resource : resources) {
            try (InputStream in = WriterSchemas.class.getResourceAsStream("schemas/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing writer schema resource " + resource);
                }
                store.addSchema(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }
}
