package io.tributary.aggregator;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.CompositionSettings;
import io.tributary.curation.CurationRule;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import io.tributary.view.FoldSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random histories of the catalog log for property tests: publications, retractions, expiries, curation changes,
 * settings changes (non-default lint and pagination among them) and garbage, often at equal timestamps across topics.
 */
final class LogSteps {

    /** One thing that happens to the log. */
    sealed interface Step {
        record Publish(ServiceCatalog catalog) implements Step {
        }

        record Retract(String key, boolean expired) implements Step {
        }

        record Curate(String id, CurationRule rule) implements Step {
        }

        record Settings(FoldSettings settings) implements Step {
        }

        record Garbage(String key) implements Step {
        }
    }

    private LogSteps() {
    }

    /** The catalogs the histories publish: rolling versions of one service, rivals for its names, relations between services. */
    static Arbitrary<ServiceCatalog> catalogs() {
        return Arbitraries.of(CourseCatalogs.v1("a"), CourseCatalogs.v2("a"), CourseCatalogs.v1("b"), CourseCatalogs.v2("b"),
                GraphCatalogs.partners(), GraphCatalogs.instructors(), GraphCatalogs.enrollments(), CourseCatalogs.everything("c"));
    }

    static Arbitrary<List<Step>> steps() {
        Arbitrary<Step> publish = catalogs().map(Step.Publish::new);
        Arbitrary<Step> retract = Combinators.combine(Arbitraries.of("courses/a", "courses/b", "courses/c",
                        GraphCatalogs.partners().instanceKey(), GraphCatalogs.instructors().instanceKey()), Arbitraries.of(true, false))
                .as(Step.Retract::new);
        Arbitrary<Step> curate = Arbitraries.of(
                new Step.Curate("hide-rating", new CurationRule.Hide("hide-rating", "Course.rating")),
                new Step.Curate("hide-rating", null),
                new Step.Curate("rename-title", new CurationRule.RenameField("rename-title", "Course.title", "name")),
                new Step.Curate("rename-title", null),
                new Step.Curate("describe", new CurationRule.Describe("describe", "Course.subtitle", "A short line.")),
                new Step.Curate("dangling", new CurationRule.Hide("dangling", "Nowhere.field")));
        Arbitrary<Step> settings = Arbitraries.of(
                new Step.Settings(FoldSettings.DEFAULT),
                new Step.Settings(new FoldSettings(new CompositionSettings(CompositionSettings.PaginationMode.RELAY), LintSettings.DEFAULT)),
                new Step.Settings(new FoldSettings(new CompositionSettings(CompositionSettings.PaginationMode.OFFSET),
                        new LintSettings(Map.of(LintRule.MISSING_DESCRIPTION, Severity.ERROR), Set.of(), true))),
                new Step.Settings(new FoldSettings(CompositionSettings.DEFAULT,
                        new LintSettings(Map.of(), Set.of(LintRule.UNBOUNDED_LIST), false))));
        Arbitrary<Step> garbage = Arbitraries.of("courses/a", "courses/z", ":curation/x").map(Step.Garbage::new);
        return Arbitraries.frequencyOf(Tuple.of(6, publish), Tuple.of(3, retract), Tuple.of(2, curate), Tuple.of(1, settings),
                Tuple.of(1, garbage)).list().ofMinSize(1).ofMaxSize(14);
    }

    /** Milliseconds between steps: often none at all, so timestamps tie across topics. */
    static Arbitrary<List<Integer>> clock() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 5)))
                .list().ofMinSize(1).ofMaxSize(5);
    }
}
