package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePathsTest {

    @Test
    void shouldGiveTheRootAsTheEmptyStringAndEverythingElseOneLeadingSlash() {
        assertThat(RoutePaths.normalize("/", "C.m")).isEmpty();
        assertThat(RoutePaths.normalize("courses/", "C.m")).isEqualTo("/courses");
        assertThat(RoutePaths.normalize("//courses//{id}", "C.m")).isEqualTo("/courses/{id}");
    }

    @Test
    void shouldDropQueryExpansionsAndVariablePatterns() {
        assertThat(RoutePaths.normalize("/search{?query,max}", "C.m")).isEqualTo("/search");
        assertThat(RoutePaths.normalize("/{id:c-[0-9]+}{&fields}", "C.m")).isEqualTo("/{id}");
    }

    @Test
    void shouldRefuseExpansionsTheCatalogCannotExpress() {
        assertThatThrownBy(() -> RoutePaths.normalize("/files/{+path}", "FilesController.get"))
                .isInstanceOf(CatalogDeclarationException.class)
                .hasMessage("FilesController.get: the URI template /files/{+path} uses an expansion the catalog cannot"
                        + " express; use plain {name} variables");
    }

    @Test
    void shouldJoinTheControllerPathAndTheRoutePath() {
        assertThat(RoutePaths.join("/courses", "/{id}")).isEqualTo("/courses/{id}");
        assertThat(RoutePaths.join("/courses", "")).isEqualTo("/courses");
        assertThat(RoutePaths.join("", "")).isEqualTo("/");
    }

    @Test
    void shouldFindTheCollectionTheRoutesNameBelowTheControllersPath() {
        assertThat(RoutePaths.collection(List.of("/v1/things/{id}", "/v1/things", "/v1/things/byOwner"))).isEqualTo("/v1/things");
        assertThat(RoutePaths.collection(List.of("/v2/things/{id}"))).isEqualTo("/v2/things");
        assertThat(RoutePaths.collection(List.of("/things/{id}/archive", "/things/{id}"))).isEqualTo("/things");
    }

    @Test
    void shouldKeepTheControllersPathWhenItIsTheCollection() {
        assertThat(RoutePaths.collection(List.of("/{id}", "", "/byInstructorId", "/search"))).isEmpty();
        assertThat(RoutePaths.collection(List.of("/{id}/enrollments", "/{id}"))).isEmpty();
        assertThat(RoutePaths.collection(List.of())).isEmpty();
    }
}
