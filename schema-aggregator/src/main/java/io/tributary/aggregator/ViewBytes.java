package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.view.SchemaView;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The views' serde for one aggregator, encoding each view once: a new view goes to the views store (and its
 * changelog), the schema topic and the history topic, and at Coursera scale each encoding is megabytes of SDL and
 * thousands of routes. The serializer remembers the last views it encoded (by identity: a view is immutable) and hands
 * out the same bytes for a view again (nothing writes into serialized bytes, so they can be shared).
 *
 * <p>Readers in the aggregator's process (the console, following the history topic) ask {@link #viewEncodedAs} for
 * the bytes they read back, and take the fold's own view instead of decoding megabytes a second time while the
 * gateways decode theirs on the same cores.
 */
public final class ViewBytes implements Serde<SchemaView> {
    /** How many recent views are remembered: a reader a few views behind the fold still finds them. */
    static final int REMEMBERED = 4;

    private record Encoded(SchemaView view, byte[] bytes) {
    }

    private final Serde<SchemaView> views = TributarySerdes.view();
    private final Serializer<SchemaView> encoder = views.serializer();
    private final Encoded[] recent = new Encoded[REMEMBERED];
    private int next;

    @Override
    public Serializer<SchemaView> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<SchemaView> deserializer() {
        return views.deserializer();
    }

    /** The view this serde encoded into exactly these bytes, if it is among the last it encoded. */
    public synchronized Optional<SchemaView> viewEncodedAs(byte[] bytes) {
        for (Encoded encoded : recent) {
            if (encoded != null && Arrays.equals(encoded.bytes(), bytes)) {
                return Optional.of(encoded.view());
            }
        }
        return Optional.empty();
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
