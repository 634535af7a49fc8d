package io.tributary.publisher.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final List<String> ALL = List.of("a", "b", "c", "d", "e");

    @Test
    void shouldSliceAPageAndPointToTheNextOffset() {
        assertThat(Page.slice(ALL, 1, 2)).isEqualTo(Page.of(List.of("b", "c"), 5, "3"));
    }

    @Test
    void shouldLeaveNextOutOnTheLastPage() {
        assertThat(Page.slice(ALL, 3, 10)).isEqualTo(Page.of(List.of("d", "e"), 5, null));
    }

    @Test
    void shouldAnswerAnEmptyPageBeyondTheEndOrForANegativeLimit() {
        assertThat(Page.slice(ALL, 9, 2)).isEqualTo(Page.of(List.of(), 5, null));
        assertThat(Page.slice(ALL, 0, -1).elements()).isEmpty();
    }

    @Test
    void shouldCountAllElementsOfAnUnpagedAnswer() {
        assertThat(Page.of(ALL).paging()).isEqualTo(new Page.Paging(5L, null));
    }
}
