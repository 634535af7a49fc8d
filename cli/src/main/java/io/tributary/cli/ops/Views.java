package io.tributary.cli.ops;

import io.tributary.view.SchemaView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Finds views in a history by what an operator types: a version number, or an instant (the view in force then). */
final class Views {
    private Views() {
    }

    static SchemaView at(List<SchemaView> history, String point) {
        if (history.isEmpty()) {
            throw new OperatorException("the schema history is empty: no view has been written yet");
        }
        if (point.matches("\\d+")) {
            long version = Long.parseLong(point);
            return history.stream().filter(v -> v.version() == version).findFirst()
                    .orElseThrow(() -> new OperatorException("no view " + version + " in the history; it holds versions "
                            + history.getFirst().version() + " to " + history.getLast().version()));
        }
        Instant time = instant(point);
        SchemaView inForce = null;
        for (SchemaView view : history) {
            if (!view.composedAt().isAfter(time)) {
                inForce = view;
            }
        }
        if (inForce == null) {
            throw new OperatorException("no view was in force at " + time + "; the first was composed at " + history.getFirst().composedAt());
        }
        return inForce;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new OperatorException("'" + text + "' is neither a view version nor an ISO-8601 instant such as 2026-11-21T02:14:00Z");
        }
    }

    static String shortHash(SchemaView view) {
        return view.hash().substring(0, 12);
    }
}
