package io.tributary.gateway.view;

import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import io.tributary.view.SchemaView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view just decoded, made of the served view's very objects wherever they are equal: its SDL when unchanged, and
 * each route equal to the served view's route of the same field. A change alters a few of a Coursera-scale view's
 * 7,000 routes; decoded afresh, the unchanged ones were megabytes per swap that outlived a young collection and filled
 * the old generation towards a full one (docs/benchmarks.md §1, session 6). Shared, the fresh copies die young.
 */
final class SharedRoutes {
    private SharedRoutes() {
    }

    /** A view equal to {@code next}, sharing what it has in common with {@code served}. */
    static SchemaView with(SchemaView next, SchemaView served) {
        Map<String, FieldRoute> before = new HashMap<>(served.routing().fields().size() * 2);
        for (FieldRoute route : served.routing().fields()) {
            before.put(route.coordinate(), route);
        }
        List<FieldRoute> routes = new ArrayList<>(next.routing().fields().size());
        for (FieldRoute route : next.routing().fields()) {
            FieldRoute same = before.get(route.coordinate());
            routes.add(route.equals(same) ? same : route);
        }
        String sdl = next.sdl().equals(served.sdl()) ? served.sdl() : next.sdl();
        return new SchemaView(next.graph(), next.version(), next.hash(), next.composedAt(), sdl,
                new Routing(next.routing().services(), routes, next.routing().properties()), next.services(), next.diagnostics(),
                next.failedServices(), next.changes(), next.cause());
    }
}
