package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    @Test
    void shouldKeyEventsByServiceAndInstance() {
        assertThat(CourseCatalogs.v1("i-1").instanceKey()).isEqualTo("courses/i-1");
    }

    @Test
    void shouldRejectAnInstanceIdThatWouldBreakTheKey() {
        assertThatThrownBy(() -> new ServiceCatalog("courses", "a/b", "1", Instant.EPOCH, "http://x", 1000, List.of()))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("instance id of courses");
    }

    @Test
    void shouldRejectAKeyFieldTheModelDoesNotHave() {
        Schema model = new Schema.Parser().parse(CourseCatalogs.COURSE_V1);
        assertThatThrownBy(() -> new Resource("courses", 1, "", model, "slug", List.of()))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("key field 'slug' of courses.v1");
    }

    @Test
    void shouldRejectAFinderWithoutAName() {
        assertThatThrownBy(() -> new Operation(OperationKind.FINDER, "", "GET", "/courses", List.of(), ""))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("FINDER operation at /courses needs a name");
    }
}
