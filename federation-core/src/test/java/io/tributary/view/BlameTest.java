package io.tributary.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlameTest {
    private static final Instant AT = Instant.parse("2026-11-21T02:14:00Z");

    /** Courses v1, then v2 (adds durationMinutes), then v1 again: a deploy and its rollback. */
    private static List<SchemaView> deployAndRollback() {
        ViewFold fold = new ViewFold("default");
        List<SchemaView> history = new ArrayList<>();
        Optional<SchemaView> last = Optional.empty();
        List<ServiceCatalog> catalogs = List.of(CourseCatalogs.v1("a"), CourseCatalogs.v2("a"), CourseCatalogs.v1("a"));
        for (int offset = 0; offset < catalogs.size(); offset++) {
            last = fold.next(last, List.of(catalogs.get(offset)), new Cause("tributary.catalog", 0, offset, "courses/a"),
                    AT.plusSeconds(offset));
            history.add(last.orElseThrow());
        }
        return history;
    }

    @Test
    void shouldFindTheDeployThatIntroducedAFieldAndTheRollbackThatRemovedIt() {
        List<Blame.Event> events = Blame.of(deployAndRollback(), "Course.durationMinutes");

        assertThat(events).extracting(Blame.Event::version, Blame.Event::what, Blame.Event::key, Blame.Event::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "INTRODUCED", "courses/a", 1L),
                        org.assertj.core.groups.Tuple.tuple(3L, "REMOVED", "courses/a", 2L));
        assertThat(events).extracting(Blame.Event::deploy).containsExactly("2.0.0", "1.0.0");
    }

    @Test
    void shouldBlameATypeOnTheViewThatIntroducedItOnly() {
        assertThat(Blame.of(deployAndRollback(), "Course")).extracting(Blame.Event::version, Blame.Event::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "INTRODUCED"));
    }

    @Test
    void shouldFindNothingForACoordinateNoViewHad() {
        assertThat(Blame.of(deployAndRollback(), "Course.nowhere")).isEmpty();
    }
}
