package io.tributary.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsageWindowTest {
    static final Instant T = Instant.parse("2026-11-20T10:15:00Z");

    static UsageReport report(String gateway, Instant from, String graph, OperationUsage... operations) {
        return new UsageReport(gateway, graph, from, from.plusSeconds(5), List.of(operations), 0);
    }

    static OperationUsage operation(String hash, String client, long count, long errors) {
        List<Long> latency = new ArrayList<>(Latency.empty());
        latency.set(1, count);
        return new OperationUsage(hash, "Op" + hash, "{op" + hash + "}", List.of("Query." + hash),
                List.of(new ClientUsage(client, "1", count, errors, latency)));
    }

    @Test
    void adds_up_operations_across_gateways_and_intervals_by_client() {
        UsageWindow window = new UsageWindow("default");
        window.add(report("gw-1", T, "default", operation("a", "web", 3, 1), operation("b", "ios", 1, 0)));
        window.add(report("gw-2", T.plusSeconds(5), "default", operation("a", "ios", 2, 0)));
        window.add(report("gw-2", T.plusSeconds(10), "default", operation("a", "web", 1, 0)));

        List<OperationTotal> totals = window.totals(T.plusSeconds(60), Duration.ofDays(7));

        assertThat(totals).extracting(OperationTotal::hash).containsExactly("a", "b");
        OperationTotal a = totals.getFirst();
        assertThat(a.count()).isEqualTo(6);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.clients()).extracting(OperationTotal.ClientTotal::label, OperationTotal.ClientTotal::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web@1", 4L), org.assertj.core.groups.Tuple.tuple("ios@1", 2L));
        assertThat(a.latency().get(1)).isEqualTo(6);
        assertThat(UsageWindow.fieldCounts(totals)).containsExactly(java.util.Map.entry("Query.a", 6L), java.util.Map.entry("Query.b", 1L));
    }

    @Test
    void only_the_window_counts_and_other_graphs_are_ignored() {
        UsageWindow window = new UsageWindow("default");
        window.add(report("gw-1", T.minus(Duration.ofDays(10)), "default", operation("old", "web", 5, 0)));
        window.add(report("gw-1", T, "default", operation("new", "web", 1, 0)));
        window.add(report("gw-1", T, "other", operation("elsewhere", "web", 1, 0)));

        assertThat(window.totals(T.plusSeconds(60), Duration.ofDays(7))).extracting(OperationTotal::hash).containsExactly("new");
        assertThat(window.totals(T.plusSeconds(60), Duration.ofDays(30))).extracting(OperationTotal::hash).containsExactly("old", "new");

        window.forgetBefore(T.minus(Duration.ofDays(7)));
        assertThat(window.totals(T.plusSeconds(60), Duration.ofDays(30))).extracting(OperationTotal::hash).containsExactly("new");
    }

    @Test
    void the_order_of_the_reports_does_not_change_the_totals() {
        List<UsageReport> reports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            reports.add(report("gw-" + i % 3, T.plusSeconds(i * 600L), "default", operation("op" + i % 7, "c" + i % 4, i + 1, i % 2)));
        }
        UsageWindow ordered = new UsageWindow("default");
        reports.forEach(ordered::add);
        List<UsageReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(13));
        UsageWindow other = new UsageWindow("default");
        shuffled.forEach(other::add);

        assertThat(other.totals(T.plus(Duration.ofDays(1)), Duration.ofDays(7))).isEqualTo(ordered.totals(T.plus(Duration.ofDays(1)), Duration.ofDays(7)));
    }

    @Test
    void two_gateways_describing_one_operation_at_the_same_time_give_one_description_whatever_the_order() {
        OperationUsage onOldView = new OperationUsage("h", "Op", "{op}", List.of("Query.a"), List.of(new ClientUsage("web", "", 1, 0, Latency.empty())));
        OperationUsage onNewView = new OperationUsage("h", "Op", "{op}", List.of("Query.a", "Query.b"),
                List.of(new ClientUsage("web", "", 1, 0, Latency.empty())));
        UsageWindow one = new UsageWindow("default");
        one.add(report("gw-1", T, "default", onOldView));
        one.add(report("gw-2", T, "default", onNewView));
        UsageWindow other = new UsageWindow("default");
        other.add(report("gw-2", T, "default", onNewView));
        other.add(report("gw-1", T, "default", onOldView));

        assertThat(other.totals(T.plusSeconds(60), Duration.ofDays(1))).isEqualTo(one.totals(T.plusSeconds(60), Duration.ofDays(1)));
    }

    @Test
    void unused_fields_are_the_schema_fields_no_seen_operation_uses() {
        UsageWindow window = new UsageWindow("default");
        window.add(report("gw-1", T, "default", operation("a", "web", 1, 0)));

        assertThat(UsageWindow.unused(List.of("Query.a", "Query.b", "Course.id"), window.totals(T.plusSeconds(60), Duration.ofDays(1))))
                .containsExactly("Course.id", "Query.b");
    }
}
