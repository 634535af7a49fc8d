package io.tributary.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.compose.FieldRoute;
import io.tributary.gateway.http.TestViews;
import io.tributary.view.SchemaView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decoded view shares the served view's objects where they are equal, and stays equal to what was decoded. */
class SharedRoutesTest {
    private static final String BASE_URL = "http://localhost:1";

    @Test
    void shouldShareTheServedRoutesThatAreEqualAndKeepTheOthers() {
        SchemaView served = decoded(TestViews.view(1, BASE_URL, CourseCatalogs.v2("a"), GraphCatalogs.instructors()));
        SchemaView next = decoded(TestViews.view(2, BASE_URL, TestViews.scopedCourses(), GraphCatalogs.instructors()));

        SchemaView shared = SharedRoutes.with(next, served);

        assertThat(shared).isEqualTo(next);
        List<FieldRoute> before = served.routing().fields();
        assertThat(shared.routing().fields()).allSatisfy(route -> {
            FieldRoute same = before.stream().filter(route::equals).findFirst().orElse(null);
            if (same != null) {
                assertThat(route).isSameAs(same);
            } else {
                assertThat(next.routing().fields()).anySatisfy(fresh -> assertThat(fresh).isSameAs(route));
            }
        });
        assertThat(shared.routing().fields()).anySatisfy(route -> assertThat(before).noneMatch(route::equals));
        assertThat(shared.routing().fields()).anySatisfy(route -> assertThat(before).anySatisfy(old -> assertThat(old).isSameAs(route)));
    }

    @Test
    void shouldShareTheSdlWhenItDidNotChange() {
        SchemaView served = decoded(TestViews.view(1, BASE_URL, CourseCatalogs.v2("a")));
        SchemaView next = decoded(TestViews.view(2, BASE_URL, CourseCatalogs.v2("b")));

        SchemaView shared = SharedRoutes.with(next, served);

        assertThat(shared).isEqualTo(next);
        assertThat(shared.sdl()).isSameAs(served.sdl());
        assertThat(shared.routing().fields()).zipSatisfy(served.routing().fields(), (route, old) -> assertThat(route).isSameAs(old));
    }

    /** As a gateway has it: decoded from the record, so no object is shared with another view to begin with. */
    private static SchemaView decoded(SchemaView view) {
        return TributarySerdes.view().deserializer().deserialize("", TributarySerdes.view().serializer().serialize("", view));
    }
}
