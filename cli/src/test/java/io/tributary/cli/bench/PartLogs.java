package io.tributary.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a change's time went, from the lines the parts log for each view: the aggregator's (delay before the fold,
 * the fold by the wall clock and its thread's CPU, sending the view) and each gateway's (reading the view after its
 * cause's record, decoding, applying, with the holder's build and warm-up). Printed as medians and 99th percentiles
 * over the measured views, next to the benchmark's own figures.
 */
final class PartLogs {
    private static final Pattern TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");
    private static final Pattern FOLDED = Pattern.compile(
            "View (\\d+) of graph .*; folded in (\\d+) ms \\((\\d+) ms of CPU\\) from (-?\\d+) ms after the record, sent in (\\d+) ms");
    private static final Pattern READ = Pattern.compile(
            "View (\\d+) read (-?\\d+) ms after its cause's record \\(\\d+ bytes\\), decoded in (\\d+) ms, applied in (\\d+) ms \\((\\d+) ms of CPU\\)");
    private static final Pattern SERVING = Pattern.compile("Serving view (\\d+) of graph .*, built and warmed in (\\d+) ms");

    /** One view in the aggregator's log: when the line was written, and its figures. */
    private record Folded(LocalTime at, long fold, long foldCpu, long delay, long send) {
    }

    /** One view in a gateway's log. */
    private record Applied(long read, long decode, long apply, long applyCpu, LocalTime servedAt, long build) {
    }

    private PartLogs() {
    }

    /** Prints the segments of the {@code versions} measured, from the logs in {@code dir}, if the parts logged them. */
    static void print(Path dir, String aggregator, List<String> gateways, Collection<Long> versions) throws IOException {
        Map<Long, Folded> folded = folded(dir.resolve(aggregator + ".log"));
        List<Applied> applied = new ArrayList<>();
        List<Long> foldToBuild = new ArrayList<>();
        for (String gateway : gateways) {
            Map<Long, Applied> byVersion = applied(dir.resolve(gateway + ".log"));
            for (long version : versions) {
                Applied one = byVersion.get(version);
                Folded fold = folded.get(version);
                if (one != null && fold != null && one.servedAt() != null) {
                    applied.add(one);
                    foldToBuild.add(Duration.between(fold.at(), one.servedAt()).toMillis() - one.build());
                }
            }
        }
        List<Folded> folds = versions.stream().map(folded::get).filter(f -> f != null).toList();
        if (folds.isEmpty() || applied.isEmpty()) {
            System.out.println("segments: the parts' logs have no per-view timings");
            return;
        }
        System.out.printf("segments over %d views (aggregator) and %d swaps (gateways), p50 / p99 ms:%n", folds.size(), applied.size());
        row("record → fold starts", folds, Folded::delay);
        row("fold, wall", folds, Folded::fold);
        row("fold, thread CPU", folds, Folded::foldCpu);
        row("sending the view", folds, Folded::send);
        row("fold's log line → gateway build starts", foldToBuild, Long::longValue);
        row("record → gateway reads the view", applied, Applied::read);
        row("gateway decode", applied, Applied::decode);
        row("gateway build + warm-up", applied, Applied::build);
        row("gateway apply, wall", applied, Applied::apply);
        row("gateway apply, thread CPU", applied, Applied::applyCpu);
    }

    private static <T> void row(String name, List<T> rows, ToLongFunction<T> value) {
        List<Long> sorted = rows.stream().map(value::applyAsLong).sorted().toList();
        System.out.printf("| %s | %d / %d |%n", name, PropagationRun.quantile(sorted, 0.5), PropagationRun.quantile(sorted, 0.99));
    }

    private static Map<Long, Folded> folded(Path log) throws IOException {
        Map<Long, Folded> views = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher time = TIME.matcher(line);
            Matcher m = FOLDED.matcher(line);
            if (time.find() && m.find()) {
                views.put(Long.parseLong(m.group(1)), new Folded(LocalTime.parse(time.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return views;
    }

    private static Map<Long, Applied> applied(Path log) throws IOException {
        Map<Long, Applied> views = new HashMap<>();
        Map<Long, LocalTime> served = new HashMap<>();
        Map<Long, Long> builds = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher time = TIME.matcher(line);
            Matcher serving = SERVING.matcher(line);
            Matcher read = READ.matcher(line);
            if (time.find() && serving.find()) {
                served.put(Long.parseLong(serving.group(1)), LocalTime.parse(time.group(1)));
                builds.put(Long.parseLong(serving.group(1)), Long.parseLong(serving.group(2)));
            } else if (read.find()) {
                long version = Long.parseLong(read.group(1));
                views.put(version, new Applied(Long.parseLong(read.group(2)), Long.parseLong(read.group(3)), Long.parseLong(read.group(4)),
                        Long.parseLong(read.group(5)), served.get(version), builds.getOrDefault(version, 0L)));
            }
        }
        return views;
    }
}
