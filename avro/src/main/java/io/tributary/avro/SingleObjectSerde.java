package io.tributary.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for a core model type, written as an Avro single-object encoding of its wire record: each value
 * carries its writer schema's fingerprint, so a reader knows which schema wrote it without a schema registry, and
 * rejects bytes it cannot read with a precise error. A null value (a tombstone) stays null.
 */
final class SingleObjectSerde<M, W extends SpecificRecord> implements Serde<M> {
    private final BinaryMessageEncoder<W> encoder;
    private final BinaryMessageDecoder<W> decoder;
    private final Function<M, W> toWire;
    private final Function<W, M> toModel;

    SingleObjectSerde(BinaryMessageEncoder<W> encoder, BinaryMessageDecoder<W> decoder,
                      Function<M, W> toWire, Function<W, M> toModel) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.toWire = toWire;
        this.toModel = toModel;
    }

    @Override
    public Serializer<M> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<M> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    /**
     * The header Avro's encoder writes before a value of {@code schema}: single-object encoding's marker, then the
     * schema's fingerprint, little-endian.
     */
    static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = (byte) 0x01;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    byte[] encode(M value) {
        try {
            ByteBuffer buffer = encoder.encode(toWire.apply(value));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    M decode(byte[] bytes) {
        try {
            // Through a buffer, not the array: Avro reads the body byte by byte, and its stream over an array is a
            // ByteArrayInputStream, which takes a lock on every read (a quarter of decoding a Coursera-scale view).
            return toModel.apply(decoder.decode(ByteBuffer.wrap(bytes), null));
        } catch (IOException | org.apache.avro.AvroRuntimeException e) {
            throw undecodable(bytes, e);
        }
    }

    /** What Avro's failure to read these bytes tells a reader: the bytes' length for an I/O error, else Avro's message. */
    static UndecodableEventException undecodable(byte[] bytes, Exception e) {
        return new UndecodableEventException(e instanceof IOException ? "cannot decode " + bytes.length + " bytes: " + e.getMessage()
                : e.getMessage(), e);
    }
}
