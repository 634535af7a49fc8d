package io.tributary.avro;

import io.tributary.compose.FieldRoute;
import io.tributary.view.SchemaView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes views in Avro's single-object encoding, byte for byte as Avro's own encoder does, but each route once. A
 * Coursera-scale view has 4,000 routes and a change alters a few: the others are the very objects of the previous view
 * (the fold keeps each service's composed pieces), so their bytes are copied from the previous encoding instead of
 * mapped to wire records and encoded again string by string, which was most of encoding a view.
 *
 * <p>It remembers the routes of the last view it encoded, by identity, so its memory is one view's routes.
 */
final class ViewEncoder {
    private static final Schema SCHEMA = io.tributary.avro.generated.SchemaView.getClassSchema();
    private static final byte[] HEADER = SingleObjectSerde.header(SCHEMA);

    private final RouteWriter views = new RouteWriter();
    private final SpecificDatumWriter<io.tributary.avro.generated.FieldRoute> routeWriter =
            new SpecificDatumWriter<>(io.tributary.avro.generated.FieldRoute.getClassSchema(),
                    SpecificData.getForClass(io.tributary.avro.generated.FieldRoute.class));
    private Map<FieldRoute, byte[]> lastRoutes = new IdentityHashMap<>();
    private int lastSize = 1024;

    synchronized byte[] encode(SchemaView view) {
        Map<FieldRoute, byte[]> routes = new IdentityHashMap<>(view.routing().fields().size() * 2);
        try {
            List<byte[]> encoded = view.routing().fields().stream().map(route -> routes.computeIfAbsent(route, this::encodeRoute)).toList();
            ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize + lastSize / 8);
            out.write(HEADER);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            views.write(ViewMapper.toWireWithoutRoutes(view), encoded, encoder);
            encoder.flush();
            lastRoutes = routes;
            lastSize = out.size();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] encodeRoute(FieldRoute route) {
        byte[] last = lastRoutes.get(route);
        if (last != null) {
            return last;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            routeWriter.write(ViewMapper.toWire(route), encoder);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view's writer, which writes its routes from their encoded bytes. */
    private static final class RouteWriter extends SpecificDatumWriter<io.tributary.avro.generated.SchemaView> {
        private List<byte[]> routes = List.of();

        RouteWriter() {
            super(SCHEMA, SpecificData.getForClass(io.tributary.avro.generated.SchemaView.class));
        }

        void write(io.tributary.avro.generated.SchemaView view, List<byte[]> encodedRoutes, BinaryEncoder out) throws IOException {
            routes = encodedRoutes;
            try {
                write(view, out);
            } finally {
                routes = List.of();
            }
        }

        @Override
        protected void writeField(Object datum, Schema.Field field, org.apache.avro.io.Encoder out, Object state) throws IOException {
            if (datum instanceof io.tributary.avro.generated.SchemaView && field.name().equals("routes")) {
                out.writeArrayStart();
                out.setItemCount(routes.size());
                for (byte[] route : routes) {
                    out.startItem();
                    out.writeFixed(route);
                }
                out.writeArrayEnd();
            } else {
                super.writeField(datum, field, out, state);
            }
        }
    }
}
