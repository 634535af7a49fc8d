package io.tributary.gateway.rest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.gateway.rest.fetch.FinderFetch;
import io.tributary.gateway.rest.fetch.RelationLoad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelationLoadTest {
    private final RelationLoad.Reverse byOwner = new RelationLoad.Reverse(Map.of("username", "$owner.username", "slug", "$slug"), "loader");

    @Test
    void shouldFillAFinderArgumentFromAPropertyNestedInTheParent() {
        FinderFetch.FinderArgs key = byOwner.key(Map.of("slug", "tributary", "owner", Map.of("username", "ada")), List.of());

        assertThat(key.arguments()).isEqualTo(Map.of("username", "ada", "slug", "tributary"));
    }

    @Test
    void shouldMakeNoCallForAParentWithoutTheNestedProperty() {
        assertThat(byOwner.key(Map.of("slug", "tributary"), List.of())).isNull();
        assertThat(byOwner.key(Map.of("slug", "tributary", "owner", "ada"), List.of())).isNull();
    }

    @Test
    void shouldNeedTheTopLevelPropertyANestedPathStartsFrom() {
        assertThat(byOwner.needs()).containsExactly("owner", "slug");
    }
}
