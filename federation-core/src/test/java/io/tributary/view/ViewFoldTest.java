package io.tributary.view;

import static io.tributary.catalog.CourseCatalogs.v1;
import static io.tributary.catalog.CourseCatalogs.v2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.diff.SchemaChange;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.fold.ServiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewFoldTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");
    private final ViewFold fold = new ViewFold("default");

    @Test
    void shouldStartAtVersionOneWithTheCause() {
        Cause cause = new Cause("tributary.catalog", 0, 7, "courses/a");
        SchemaView view = fold.next(Optional.empty(), List.of(v2("a")), cause, AT).orElseThrow();

        assertThat(view.version()).isEqualTo(1);
        assertThat(view.graph()).isEqualTo("default");
        assertThat(view.cause()).isEqualTo(cause);
        assertThat(view.composedAt()).isEqualTo(AT);
        assertThat(view.sdl()).contains("durationMinutes: Int!");
        assertThat(view.services()).singleElement().extracting(ServiceState::status).isEqualTo(ServiceStatus.STABLE);
    }

    @Test
    void shouldWriteNoViewWhenNothingChanged() {
        SchemaView first = fold.next(Optional.empty(), List.of(v2("a")), cause(1), AT).orElseThrow();

        assertThat(fold.next(Optional.of(first), List.of(v2("a")), cause(2), AT.plusSeconds(10))).isEmpty();
    }

    @Test
    void shouldNarrowTheSchemaTheMomentARollbackInstanceAppears() {
        SchemaView v2Only = fold.next(Optional.empty(), List.of(v2("a")), cause(1), AT).orElseThrow();
        SchemaView mixed = fold.next(Optional.of(v2Only), List.of(v2("a"), v1("b")), cause(2), AT).orElseThrow();

        assertThat(mixed.version()).isEqualTo(2);
        assertThat(mixed.sdl()).doesNotContain("durationMinutes");
        assertThat(mixed.services().getFirst().status()).isEqualTo(ServiceStatus.ROLLING);
        assertThat(mixed.changes()).filteredOn(c -> c.level() == SchemaChange.Level.BREAKING)
                .extracting(SchemaChange::coordinate).containsExactly("Course.durationMinutes");
    }

    @Test
    void shouldQuarantineAServiceWhoseNewCatalogCannotBeComposedAndKeepItsLastGoodOne() {
        FoldStep good = fold.next(Optional.empty(), List.of(v2("a")), FoldState.EMPTY, cause(1), AT);
        ServiceCatalog broken = CourseCatalogs.instance("b", "3.0.0", CourseCatalogs.COURSE_V2.replace(
                "{\"name\": \"rating\"", "{\"name\": \"__internal\", \"type\": \"string\"}, {\"name\": \"rating\""));

        FoldStep next = fold.next(good.view(), List.of(broken), good.state(), cause(2), AT);

        SchemaView view = next.view().orElseThrow();
        assertThat(view.sdl()).isEqualTo(good.view().orElseThrow().sdl());
        assertThat(view.services()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(ServiceStatus.QUARANTINED));
        assertThat(view.failedServices()).containsExactly("courses");
        assertThat(view.diagnostics()).extracting(d -> d.code()).contains("QUARANTINED", "UNCOMPOSABLE");
    }

    @Test
    void shouldLetTheServiceThatClaimedATypeFirstKeepIt() {
        ServiceCatalog first = CourseCatalogs.v2("a");
        ServiceCatalog rival = new ServiceCatalog("aardvark-courses", "x", "1", AT, "http://elsewhere", 30_000,
                List.of(new io.tributary.catalog.Resource("lessons", 1, "", CourseCatalogs.courses(CourseCatalogs.COURSE_V1).model(),
                        "id", List.of())));
        FoldStep step = fold.next(Optional.empty(), List.of(first), FoldState.EMPTY, cause(1), AT);

        SchemaView view = fold.next(step.view(), List.of(first, rival), step.state(), cause(2), AT).view().orElseThrow();

        assertThat(view.sdl()).contains("durationMinutes");
        assertThat(view.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("TYPE_CONFLICT");
            assertThat(d.where()).isEqualTo("aardvark-courses:lessons.v1");
        });
    }

    @Test
    void shouldKeepTheLastViewWhenLintErrorsAreSetToBlockAndReportWhy() {
        LintSettings strict = new LintSettings(java.util.Map.of(LintRule.MISSING_DESCRIPTION, io.tributary.diagnostic.Diagnostic.Severity.ERROR),
                java.util.Set.of(), true);
        ViewFold blocking = new ViewFold("default", io.tributary.compose.CompositionSettings.DEFAULT, strict);
        FoldStep first = blocking.next(Optional.empty(), List.of(v1("a")), FoldState.EMPTY, cause(1), AT);

        FoldStep step = blocking.next(first.view(), List.of(v1("a"), GraphCatalogs.enrollments()), first.state(), cause(2), AT);

        assertThat(first.view()).isPresent();
        assertThat(step.view()).isEmpty();
        assertThat(step.blockedBy()).extracting(d -> d.where()).containsExactly("EnrollmentStatus", "Mutation.courseEnrollmentEnroll(courseId:)");
    }

    private static Cause cause(long offset) {
        return new Cause("tributary.catalog", 0, offset, "courses/a");
    }
}
