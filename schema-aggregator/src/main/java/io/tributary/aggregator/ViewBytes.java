package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.view.SchemaView;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The views' serde for one aggregator, encoding each view once: a new view goes to the views store (and its
 * changelog), the schema topic and the history topic, and at Coursera scale each encoding compresses megabytes of
 * SDL and thousands of routes. The serializer remembers the last views it encoded (by identity: a view is immutable) and hands
 * out the same bytes for a view again (nothing writes into serialized bytes, so they can be shared).
 *
 * <p>Its deserializer hands out the view it encoded into exactly the bytes it is given, if it is among the last it
 * encoded, and decodes any other: a reader in the aggregator's process (the console, following the history topic)
 * then takes the fold's own view instead of decoding megabytes a second time while the gateways decode theirs on the
 * same cores.
 */
public final class ViewBytes implements Serde<SchemaView> {
    /** How many recent views are remembered: a reader a few views behind the fold still finds them. */
    static final int REMEMBERED = 4;

    private record Encoded(SchemaView view, byte[] bytes) {
    }

    private final Serde<SchemaView> views = TributarySerdes.view();
    private final Serializer<SchemaView> encoder = views.serializer();
    private final Deserializer<SchemaView> decoder = views.deserializer();
    private final Encoded[] recent = new Encoded[REMEMBERED];
    private int next;

    @Override
    public Serializer<SchemaView> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<SchemaView> deserializer() {
        return this::deserialize;
    }

    private SchemaView deserialize(String topic, byte[] bytes) {
        synchronized (this) {
            for (Encoded encoded : recent) {
                if (encoded != null && Arrays.equals(encoded.bytes(), bytes)) {
                    return encoded.view();
                }
            }
        }
        return decoder.deserialize(topic, bytes);
    }

    private byte[] serialize(String topic, SchemaView view) {
        if (view == null) {
            return null;
        }
        synchronized (this) {
            for (Encoded encoded : recent) {
                if (encoded != null && encoded.view() == view) {
                    return encoded.bytes();
                }
            }
        }
        byte[] bytes = encoder.serialize(topic, view);
        synchronized (this) {
            recent[next] = new Encoded(view, bytes);
            next = (next + 1) % REMEMBERED;
        }
        return bytes;
    }
}
