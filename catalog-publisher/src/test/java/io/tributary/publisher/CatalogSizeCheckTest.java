package io.tributary.publisher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSizeCheckTest {

    @Test
    void shouldNameBothSizesWhenACatalogExceedsTheProducerLimit() {
        assertThatThrownBy(() -> CatalogSizeCheck.requireFits("courses/i-1", 5_000, Map.of("max.request.size", "4096")))
                .isInstanceOf(CatalogTooLargeException.class)
                .hasMessageContaining("courses/i-1's catalog is 5000 bytes")
                .hasMessageContaining("max.request.size of 4096 bytes");
    }

    @Test
    void shouldUseKafkasDefaultLimitWhenNoneIsConfigured() {
        assertThatCode(() -> CatalogSizeCheck.requireFits("courses/i-1", 500_000, Map.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> CatalogSizeCheck.requireFits("courses/i-1", 1_048_000, Map.of()))
                .hasMessageContaining("max.request.size of 1048576 bytes");
    }
}
