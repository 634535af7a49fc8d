package io.tributary.fold;

import static io.tributary.catalog.CourseCatalogs.v1;
import static io.tributary.catalog.CourseCatalogs.v2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Resource;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EffectiveCatalogTest {

    @Test
    void shouldServeTheCatalogAllInstancesAgreeOn() {
        EffectiveCatalog effective = EffectiveCatalog.of(List.of(v2("b"), v2("a")));

        assertThat(effective.status()).isEqualTo(ServiceStatus.STABLE);
        assertThat(effective.resources()).isEqualTo(v2("a").resources());
        assertThat(effective.instances()).extracting(LiveInstance::instanceId).containsExactly("a", "b");
    }

    @Test
    void shouldDropFieldWhenServiceRollsBack() {
        EffectiveCatalog effective = EffectiveCatalog.of(List.of(v2("new"), v1("old")));

        assertThat(effective.status()).isEqualTo(ServiceStatus.ROLLING);
        Resource courses = effective.resources().getFirst();
        assertThat(courses.model().getFields()).extracting(Schema.Field::name)
                .containsExactly("id", "title", "subtitle", "rating");
        assertThat(courses.operations()).hasSize(2);
    }

    @Test
    void shouldFoldToTheSameCatalogWhateverTheInstanceOrder() {
        assertThat(EffectiveCatalog.of(List.of(v1("a"), v2("b"))))
                .isEqualTo(EffectiveCatalog.of(List.of(v2("b"), v1("a"))));
    }
}
