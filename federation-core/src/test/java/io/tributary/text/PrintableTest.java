package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void shouldEscapeWhatCouldForgeALogLine() {
        assertThat(Printable.of("courses/a\n2026-11-29 INFO forged")).isEqualTo("courses/a\\n2026-11-29 INFO forged");
        assertThat(Printable.of("a\rb\u0000c\u001b[31m\u2028")).isEqualTo("a\\rb\\u0000c\\u001b[31m\\u2028");
        assertThat(Printable.of("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
        assertThat(Printable.of("émoji 😀 stays")).isEqualTo("émoji 😀 stays");
        assertThat(Printable.of(null)).isEqualTo("null");
    }

    @Test
    void shouldCutLongTextAndSayHowMuchWasLeftOut() {
        assertThat(Printable.of("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx...(40 more characters)");
        assertThat(Printable.hex(new byte[] {(byte) 0xc3, 0x28, 1}, 2)).isEqualTo("0xc328...(3 bytes)");
    }

    @Property(tries = 500)
    void shouldNeverLetALineBreakOrControlCharacterThrough(@ForAll @StringLength(max = 2_000) String text) {
        String printed = Printable.of(text);
        assertThat(printed.chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
        assertThat(printed.length()).isLessThanOrEqualTo(Printable.DEFAULT_MAX_LENGTH + 40);
    }
}
