package io.tributary.avro;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.Memo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes catalogs, sharing what catalogs have in common: every instance of a service, and each of its restarts,
 * publishes the same resources and operation fields with a new instance id, address or time. A catalog the current
 * schema wrote holds those last, so the bytes after its first fields say exactly what they are; a catalog whose
 * bytes there were decoded lately gets the very same lists, with no schema parsed again, and the fold recognises
 * it by identity ({@code ViewFold}) instead of comparing resources field by field. Anything else (an earlier
 * writer schema, bytes that do not decode) is decoded whole, as before.
 */
final class CatalogDecoder {
    /** Single-object encoding's marker and the current schema's fingerprint (little-endian), as the encoder writes them. */
    private static final byte[] HEADER = SingleObjectSerde.header(io.tributary.avro.generated.ServiceCatalog.getClassSchema());
    /** Lately decoded resources and operation fields, by the bytes that encode them; bounded by those bytes. */
    private static final Memo<Encoded, Content> CONTENTS = new Memo<>(4096, 16_000_000, content -> content.size());

    /** A catalog's resources and operation fields as decoded, and how many bytes encode them. */
    private record Content(List<Resource> resources, List<OperationField> operations, long size) {
    }

    /** The bytes from {@code from} to the end of an array, compared by content. */
    private record Encoded(byte[] bytes, int from, int hash) {
        Encoded(byte[] bytes, int from) {
            this(bytes, from, hashOf(bytes, from));
        }

        private static int hashOf(byte[] bytes, int from) {
            int hash = 1;
            for (int i = from; i < bytes.length; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }

        /** A copy of just these bytes, to keep as a key: the record they were read from is not kept. */
        Encoded copy() {
            return new Encoded(Arrays.copyOfRange(bytes, from, bytes.length), 0, hash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Encoded that && hash == that.hash
                    && Arrays.equals(bytes, from, bytes.length, that.bytes, that.from, that.bytes.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private CatalogDecoder() {
    }

    /** The catalog these bytes encode; {@code whole} decodes what this cannot read on its own. */
    static ServiceCatalog decode(byte[] bytes, Function<byte[], ServiceCatalog> whole) {
        if (!Arrays.equals(bytes, 0, Math.min(HEADER.length, bytes.length), HEADER, 0, HEADER.length)) {
            return whole.apply(bytes);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, HEADER.length, bytes.length - HEADER.length);
        BinaryDecoder fields = DecoderFactory.get().directBinaryDecoder(in, null);
        String service;
        String instanceId;
        String serviceVersion;
        long publishedAt;
        String baseUrl;
        long leaseMillis;
        try {
            service = fields.readString();
            instanceId = fields.readString();
            serviceVersion = fields.readString();
            publishedAt = fields.readLong();
            baseUrl = fields.readString();
            leaseMillis = fields.readLong();
        } catch (IOException | RuntimeException e) {
            return whole.apply(bytes);
        }
        Encoded content = new Encoded(bytes, bytes.length - in.available());
        Content known = CONTENTS.find(content).orElse(null);
        if (known == null) {
            ServiceCatalog catalog = whole.apply(bytes);
            CONTENTS.get(content.copy(), key -> new Content(catalog.resources(), catalog.operations(), 100L + key.bytes().length));
            return catalog;
        }
        return new ServiceCatalog(service, instanceId, serviceVersion, Instant.ofEpochMilli(publishedAt), baseUrl, leaseMillis,
                known.resources(), known.operations());
    }
}
