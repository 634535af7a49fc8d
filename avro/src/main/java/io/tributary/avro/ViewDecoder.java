package io.tributary.avro;

import io.tributary.compose.FieldRoute;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads views written with the current schema as Avro's decoder does, but each route once: a Coursera-scale view has
 * 4,000 routes and a change alters a few, and reading them into wire records and then into the core model (an
 * operation built and checked for each) was most of decoding a view, on every gateway at every change. A route whose
 * bytes are those of a route of the last view read is that very route object; the others are read as before. Views
 * written with an earlier schema are not this reader's ({@link #current}).
 *
 * <p>It remembers the routes of the last view it read, by their bytes, so its memory is one view's routes.
 */
final class ViewDecoder {
    private static final Schema SCHEMA = io.tributary.avro.generated.SchemaView.getClassSchema();
    private static final Schema ROUTE = io.tributary.avro.generated.FieldRoute.getClassSchema();
    private static final byte[] HEADER = SingleObjectSerde.header(SCHEMA);

    private final RouteReader reader = new RouteReader();
    private final SpecificDatumReader<io.tributary.avro.generated.FieldRoute> routeReader =
            new SpecificDatumReader<>(ROUTE, ROUTE, SpecificData.getForClass(io.tributary.avro.generated.FieldRoute.class));
    private BinaryDecoder routeDecoder;
    private Map<RouteBytes, Route> lastRoutes = Map.of();

    /** Whether the current schema wrote these bytes (if not, an earlier one did, or they are not a view). */
    static boolean current(byte[] bytes) {
        return bytes.length >= HEADER.length && Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length);
    }

    /** The view in these bytes, which the current schema wrote; an {@link UndecodableEventException} if they do not hold one. */
    synchronized SchemaView decode(byte[] bytes) {
        Cursor in = new Cursor(bytes, HEADER.length);
        Map<RouteBytes, Route> routes = new HashMap<>(lastRoutes.size() * 2);
        List<FieldRoute> read = new ArrayList<>(lastRoutes.size());
        try {
            io.tributary.avro.generated.SchemaView wire = reader.read(in, routes, read);
            SchemaView view = ViewMapper.toModel(wire, read);
            lastRoutes = routes;
            return view;
        } catch (IOException | org.apache.avro.AvroRuntimeException e) {
            throw SingleObjectSerde.undecodable(bytes, e);
        }
    }

    private FieldRoute readRoute(byte[] bytes, int from, int to) throws IOException {
        routeDecoder = DecoderFactory.get().binaryDecoder(bytes, from, to - from, routeDecoder);
        return ViewMapper.toModel(routeReader.read(null, routeDecoder));
    }

    /** A route's bytes: a range of a view's bytes while it is read, its own copy once remembered. */
    private static final class RouteBytes {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        RouteBytes(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        RouteBytes copy() {
            return new RouteBytes(Arrays.copyOfRange(bytes, from, to), 0, to - from);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RouteBytes that && hash == that.hash && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The generated classes' model, but reading field by field: Avro's fast reader, on by default, reads records
     * without {@code readField}, where the routes are read here.
     */
    private static SpecificData fieldByField() {
        SpecificData data = new SpecificData(ViewDecoder.class.getClassLoader());
        SpecificData.getForClass(io.tributary.avro.generated.SchemaView.class).getConversions().forEach(data::addLogicalTypeConversion);
        data.setFastReaderEnabled(false);
        return data;
    }

    /** A remembered route and its bytes. */
    private record Route(RouteBytes bytes, FieldRoute route) {
    }

    /** The view's reader, which reads its routes by their bytes. */
    private final class RouteReader extends SpecificDatumReader<io.tributary.avro.generated.SchemaView> {
        private Cursor cursor;
        private Map<RouteBytes, Route> routes;
        private List<FieldRoute> read;

        RouteReader() {
            super(SCHEMA, SCHEMA, fieldByField());
        }

        io.tributary.avro.generated.SchemaView read(Cursor in, Map<RouteBytes, Route> routes, List<FieldRoute> read) throws IOException {
            this.cursor = in;
            this.routes = routes;
            this.read = read;
            try {
                // The direct decoder reads no further than it must, so the cursor's position tells where each route ends.
                return read(null, DecoderFactory.get().directBinaryDecoder(in, null));
            } finally {
                this.cursor = null;
                this.routes = null;
                this.read = null;
            }
        }

        @Override
        protected void readField(Object record, Schema.Field field, Object oldDatum, ResolvingDecoder in, Object state) throws IOException {
            if (!(record instanceof io.tributary.avro.generated.SchemaView view) || !field.name().equals("routes")) {
                super.readField(record, field, oldDatum, in, state);
                return;
            }
            for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
                for (long i = 0; i < n; i++) {
                    int from = cursor.position();
                    GenericDatumReader.skip(ROUTE, in);
                    RouteBytes bytes = new RouteBytes(cursor.bytes(), from, cursor.position());
                    Route route = routes.get(bytes);
                    if (route == null) {
                        route = lastRoutes.get(bytes);
                        if (route == null) {
                            route = new Route(bytes.copy(), readRoute(cursor.bytes(), from, cursor.position()));
                        }
                        routes.put(route.bytes(), route);
                    }
                    read.add(route.route());
                }
            }
            view.setRoutes(List.of());
        }
    }

    /** A stream over an array that says where it is, without the lock {@code ByteArrayInputStream} takes on every read. */
    private static final class Cursor extends InputStream {
        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        byte[] bytes() {
            return bytes;
        }

        int position() {
            return position;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, bytes.length - position));
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }
    }
}
