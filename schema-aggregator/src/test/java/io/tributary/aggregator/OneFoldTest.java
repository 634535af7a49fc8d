package io.tributary.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.groups.Tuple;

/**
 * The determinism contract: the live aggregator's views and a replay of its catalog log are the same, version by
 * version and hash by hash, whatever the sequence of publications, retractions, expiries, curation changes, settings
 * changes and garbage, with equal timestamps across topics.
 *
 * <p>The suite tries 10,000 sequences ({@code jqwik.tries.default} in {@code junit-platform.properties}); more in an
 * opt-in run, e.g. {@code -Djqwik.tries.default=100000}.
 */
class OneFoldTest {

    @Property
    void shouldMakeTheSameViewsLiveAndInReplay(@ForAll("steps") List<LogSteps.Step> steps, @ForAll("clock") List<Integer> advances) {
        try (LiveAggregator aggregator = new LiveAggregator()) {
            Instant at = LiveAggregator.T0;
            for (int i = 0; i < steps.size(); i++) {
                at = at.plusMillis(advances.get(i % advances.size()));
                aggregator.pipe(steps.get(i), at);
            }
            List<SchemaView> live = aggregator.newViews();

            List<SchemaView> replayed = new ArrayList<>();
            aggregator.replay(replayed);
            assertThat(replayed).extracting(SchemaView::version, SchemaView::hash)
                    .containsExactlyElementsOf(live.stream().map(v -> Tuple.tuple(v.version(), v.hash())).toList());
            assertThat(replayed).isEqualTo(live);
        }
    }

    @Provide
    Arbitrary<List<LogSteps.Step>> steps() {
        return LogSteps.steps();
    }

    @Provide
    Arbitrary<List<Integer>> clock() {
        return LogSteps.clock();
    }
}
