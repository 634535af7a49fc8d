package io.tributary.aggregator.console;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Two SDLs side by side, line against line, as the console's diff shows them: unchanged stretches longer than a few
 * lines fold into one row saying how many lines they hide, so a one-field change in a large schema stays readable.
 */
final class SdlDiff {
    /** Unchanged lines kept on each side of a change. */
    static final int CONTEXT = 3;

    /** One row: EQUAL, CHANGE, INSERT, DELETE with the old and new line; or SKIP, hiding {@code skipped} unchanged lines. */
    record Row(String tag, String left, String right, int skipped) {
    }

    private SdlDiff() {
    }

    static List<Row> rows(String oldSdl, String newSdl) {
        List<DiffRow> all = DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(line -> line).build()
                .generateDiffRows(oldSdl.lines().toList(), newSdl.lines().toList());
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (all.get(i).getTag() != DiffRow.Tag.EQUAL) {
                rows.add(row(all.get(i++)));
                continue;
            }
            int end = i;
            while (end < all.size() && all.get(end).getTag() == DiffRow.Tag.EQUAL) {
                end++;
            }
            int keepBefore = i == 0 ? 0 : CONTEXT;
            int keepAfter = end == all.size() ? 0 : CONTEXT;
            if (end - i <= keepBefore + keepAfter + 1) {
                all.subList(i, end).forEach(r -> rows.add(row(r)));
            } else {
                all.subList(i, i + keepBefore).forEach(r -> rows.add(row(r)));
                rows.add(new Row("SKIP", "", "", end - i - keepBefore - keepAfter));
                all.subList(end - keepAfter, end).forEach(r -> rows.add(row(r)));
            }
            i = end;
        }
        return rows;
    }

    private static Row row(DiffRow row) {
        return new Row(row.getTag().name(), row.getOldLine(), row.getNewLine(), 0);
    }
}
