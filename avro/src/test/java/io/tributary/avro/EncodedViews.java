package io.tributary.avro;

import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import java.nio.ByteBuffer;

/** Views as Avro's own encoder writes them, the reference {@link ViewEncoder} and {@link ViewDecoder} are held to. */
final class EncodedViews {
    private EncodedViews() {
    }

    static byte[] avro(SchemaView view) throws Exception {
        ByteBuffer buffer = io.tributary.avro.generated.SchemaView.getEncoder().encode(ViewMapper.toWire(view));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static Cause cause(long offset) {
        return new Cause("tributary.catalog", 0, offset, "service/i-1");
    }
}
