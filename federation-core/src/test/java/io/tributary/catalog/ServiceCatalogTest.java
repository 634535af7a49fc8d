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
    void shouldRejectAResourceDeclaredTwice() {
        Resource courses = CourseCatalogs.courses(CourseCatalogs.COURSE_V1);
        assertThatThrownBy(() -> new ServiceCatalog("courses", "a", "1", Instant.EPOCH, "http://x", 1000, List.of(courses, courses)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("courses/a declares courses.v1 twice");
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
        assertThatThrownBy(() -> Operation.builder(OperationKind.FINDER, "GET", "/courses").build())
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("FINDER operation GET /courses needs a name");
    }

    @Test
    void shouldRejectAPathVariableWithoutItsParameter() {
        assertThatThrownBy(() -> Operation.builder(OperationKind.GET, "GET", "/courses/{id}").build())
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("has no PATH parameter for {id}");
    }

    @Test
    void shouldRejectARelationTargetWithoutAVersion() {
        assertThatThrownBy(() -> new Relation.Forward("instructors", "instructors", "instructorIds", ""))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("target of relation instructors");
    }

    @Test
    void shouldRejectARelationNamedLikeAModelField() {
        Schema model = new Schema.Parser().parse(CourseCatalogs.COURSE_V1);
        Relation clash = new Relation.Forward("title", "titles.v1", "id", "");
        assertThatThrownBy(() -> new Resource("courses", 1, "", model, "id", List.of(), List.of(clash), ""))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("relation title of courses.v1 has the name of a field of Course");
    }

    @Test
    void shouldRejectAThroughRelationOfOneHop() {
        assertThatThrownBy(() -> new Relation.Through("company", "companies.v1", List.of("department"), ""))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("at least two relations");
    }
}
