package io.tributary.aggregator.console;

import com.github.luben.zstd.Zstd;
import io.tributary.compose.Routing;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A view as the console keeps it: the latest whole; an earlier one without its routes (only the latest view's schema
 * page reads them) and with its SDL compressed. At Coursera scale each view carries 2 MB of SDL, and the console
 * keeps a few dozen views (its budget, 48 million characters): kept whole, their SDL alone took up to 48 MB of the
 * aggregator's heap, for as long as the aggregator ran. Compressed, an earlier view's SDL is a few percent of that, and is
 * read back in a few milliseconds when a page asks.
 */
final class KeptView {
    private final SchemaView view;
    private final byte[] compressedSdl;
    private final int sdlBytes;
    private final int sdlLength;

    private KeptView(SchemaView view, byte[] compressedSdl, int sdlBytes, int sdlLength) {
        this.view = view;
        this.compressedSdl = compressedSdl;
        this.sdlBytes = sdlBytes;
        this.sdlLength = sdlLength;
    }

    /** The latest view, kept whole. */
    static KeptView latest(SchemaView view) {
        return new KeptView(view, null, 0, view.sdl().length());
    }

    /** This view as an earlier one: without its routes, its SDL compressed. */
    KeptView earlier() {
        if (compressedSdl != null) {
            return this;
        }
        byte[] sdl = view.sdl().getBytes(StandardCharsets.UTF_8);
        return new KeptView(with(view, "", List.of()), Zstd.compress(sdl, 1), sdl.length, sdlLength);
    }

    /** The view as the pages show it, its SDL read back if it was compressed. */
    SchemaView view() {
        if (compressedSdl == null) {
            return view;
        }
        return with(view, new String(Zstd.decompress(compressedSdl, sdlBytes), StandardCharsets.UTF_8), view.routing().fields());
    }

    /** The view with an empty SDL if it was compressed, for what reads everything else of it. */
    SchemaView withoutSdl() {
        return view;
    }

    long version() {
        return view.version();
    }

    /** The length of the view's SDL in characters, what the console's budget counts. */
    int sdlLength() {
        return sdlLength;
    }

    private static SchemaView with(SchemaView view, String sdl, List<io.tributary.compose.FieldRoute> routes) {
        return new SchemaView(view.graph(), view.version(), view.hash(), view.composedAt(), sdl,
                routes == view.routing().fields() ? view.routing() : new Routing(view.routing().services(), routes, view.routing().properties()),
                view.services(), view.diagnostics(), view.failedServices(), view.changes(), view.cause());
    }
}
