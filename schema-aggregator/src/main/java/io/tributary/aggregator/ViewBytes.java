package io.tributary.aggregator;

import io.tributary.avro.TributarySerdes;
import io.tributary.view.SchemaView;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The views' serde for one topology, encoding each view once: a new view goes to the views store (and its
 * changelog), the schema topic and the history topic, and at Coursera scale each encoding is megabytes of SDL and
 * thousands of routes. The serializer remembers the last view it encoded (by identity: a view is immutable) and hands
 * out the same bytes for it again (nothing writes into serialized bytes, so they can be shared).
 */
final class ViewBytes implements Serde<SchemaView> {
    private record Encoded(SchemaView view, byte[] bytes) {
    }

    private final Serde<SchemaView> views = TributarySerdes.view();
    private final Serializer<SchemaView> encoder = views.serializer();
    private final AtomicReference<Encoded> last = new AtomicReference<>();

    @Override
    public Serializer<SchemaView> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<SchemaView> deserializer() {
        return views.deserializer();
    }

    private byte[] serialize(String topic, SchemaView view) {
        if (view == null) {
            return null;
        }
        Encoded remembered = last.get();
        if (remembered != null && remembered.view() == view) {
            return remembered.bytes();
        }
        byte[] bytes = encoder.serialize(topic, view);
        last.set(new Encoded(view, bytes));
        return bytes;
    }
}
