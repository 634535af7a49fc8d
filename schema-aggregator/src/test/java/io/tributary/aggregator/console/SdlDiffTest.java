package io.tributary.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The side-by-side diff: changed lines face each other, and long unchanged stretches fold into one row. */
class SdlDiffTest {

    @Test
    void shouldFoldUnchangedStretchesAroundAChangeKeepingThreeLinesOfContext() {
        String before = lines(1, 20);
        String after = before.replace("line 10\n", "line ten\n");

        assertThat(SdlDiff.rows(before, after)).extracting(SdlDiff.Row::tag).containsExactly(
                "SKIP", "EQUAL", "EQUAL", "EQUAL", "CHANGE", "EQUAL", "EQUAL", "EQUAL", "SKIP");
        assertThat(SdlDiff.rows(before, after).getFirst().skipped()).isEqualTo(6);
        assertThat(SdlDiff.rows(before, after).get(4)).isEqualTo(new SdlDiff.Row("CHANGE", "line 10", "line ten", 0));
        assertThat(SdlDiff.rows(before, after).getLast().skipped()).isEqualTo(7);
    }

    @Test
    void shouldShowRemovedAndAddedLinesAsTheyAreWithoutEscaping() {
        assertThat(SdlDiff.rows("a\n\"<b>\"\nc\n", "a\nc\nd: [X!]!\n")).containsExactly(
                new SdlDiff.Row("EQUAL", "a", "a", 0),
                new SdlDiff.Row("DELETE", "\"<b>\"", "", 0),
                new SdlDiff.Row("EQUAL", "c", "c", 0),
                new SdlDiff.Row("INSERT", "", "d: [X!]!", 0));
    }

    @Test
    void shouldShowIdenticalSchemasAsOneFoldedRow() {
        assertThat(SdlDiff.rows(lines(1, 50), lines(1, 50))).singleElement()
                .isEqualTo(new SdlDiff.Row("SKIP", "", "", 50));
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
