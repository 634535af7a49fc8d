package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {
    private final List<String> computed = new ArrayList<>();

    private String compute(String input) {
        computed.add(input);
        return input.toUpperCase();
    }

    @Test
    void shouldComputeAnInputOnceWhileItIsRemembered() {
        Memo<String, String> memo = new Memo<>(10, 100, String::length);

        assertThat(memo.get("a", this::compute)).isEqualTo("A");
        assertThat(memo.get("a", this::compute)).isEqualTo("A");

        assertThat(computed).containsExactly("a");
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBeyondItsEntries() {
        Memo<String, String> memo = new Memo<>(2, 100, String::length);
        memo.get("a", this::compute);
        memo.get("b", this::compute);
        memo.get("a", this::compute);

        memo.get("c", this::compute);
        memo.get("a", this::compute);
        memo.get("b", this::compute);

        assertThat(computed).containsExactly("a", "b", "c", "b");
    }

    @Test
    void shouldForgetBeyondItsWeightButAlwaysKeepTheNewest() {
        Memo<String, String> memo = new Memo<>(10, 5, String::length);
        memo.get("abc", this::compute);
        memo.get("defg", this::compute);
        memo.get("hijklmn", this::compute);

        memo.get("hijklmn", this::compute);
        memo.get("abc", this::compute);

        assertThat(computed).containsExactly("abc", "defg", "hijklmn", "abc");
    }

    @Test
    void shouldRememberNothingWhenTheComputationThrows() {
        Memo<String, String> memo = new Memo<>(10, 100, String::length);

        assertThatThrownBy(() -> memo.get("a", input -> {
            throw new IllegalStateException("a defect");
        })).hasMessage("a defect");

        assertThat(memo.get("a", this::compute)).isEqualTo("A");
        assertThat(computed).containsExactly("a");
    }
}
