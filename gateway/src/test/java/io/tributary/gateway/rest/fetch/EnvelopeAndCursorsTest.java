package io.tributary.gateway.rest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ResponseEnvelope;
import io.tributary.gateway.rest.fetch.Cursors;
import io.tributary.gateway.rest.fetch.Envelope;
import io.tributary.gateway.rest.fetch.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeAndCursorsTest {

    @Test
    void shouldReadNaptimesElementsTotalAndNext() {
        Envelope naptime = Envelope.of(ResponseEnvelope.NAPTIME);
        Object body = Map.of("elements", List.of(Map.of("id", "a"), "not an object"), "paging", Map.of("total", 7, "next", "2"));

        assertThat(naptime.elements(body)).containsExactly(Map.of("id", "a"));
        assertThat(naptime.total(body)).isEqualTo(7L);
        assertThat(naptime.next(body)).isEqualTo("2");
        assertThat(naptime.next(Map.of("elements", List.of()))).isNull();
    }

    @Test
    void shouldReadABareArrayAndABareObject() {
        Envelope bare = Envelope.of(ResponseEnvelope.BARE);

        assertThat(bare.elements(List.of(Map.of("id", "a")))).containsExactly(Map.of("id", "a"));
        assertThat(bare.element(Map.of("id", "a"))).isEqualTo(Map.of("id", "a"));
        assertThat(bare.total(List.of())).isNull();
        assertThat(bare.hasNextPointer()).isFalse();
    }

    @Test
    void shouldFollowEscapedPointersAndArrayIndexes() {
        Envelope envelope = Envelope.of(new ResponseEnvelope("/a~1b/0/items", "/meta/count~0all", ""));
        Object body = Map.of("a/b", List.of(Map.of("items", List.of(Map.of("id", "x")))), "meta", Map.of("count~all", "12"));

        assertThat(envelope.elements(body)).containsExactly(Map.of("id", "x"));
        assertThat(envelope.total(body)).isEqualTo(12L);
    }

    @Test
    void shouldTurnOffsetsIntoOpaqueCursorsAndBack() {
        assertThat(Cursors.offset(0)).isEqualTo("MA==");
        assertThat(Cursors.offset(Cursors.offset(41))).isEqualTo(41);
        assertThatThrownBy(() -> Cursors.offset("bm9wZQ==")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Cursors.offset("%%%")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void shouldKeepAServiceCursorAndAPositionInItsPage() {
        assertThat(Cursors.position(Cursors.position("abc:def", 3))).isEqualTo(new Cursors.Position("abc:def", 3));
        assertThat(Cursors.position(Cursors.position(null, 0))).isEqualTo(Cursors.Position.START);
        assertThatThrownBy(() -> Cursors.position(Cursors.offset(3))).isInstanceOf(InvalidArgumentException.class);
    }
}
