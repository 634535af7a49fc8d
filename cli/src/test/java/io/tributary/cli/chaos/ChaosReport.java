package io.tributary.cli.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one chaos run, as Markdown: what was sent and what failed, swaps per gateway, the views on the
 * history topic and their versions, the poison records' fate, and how long after each fault's end every gateway
 * served the next view. Printed and written to a file; the test asserts on the same figures, never on the times.
 */
final class ChaosReport {
    /** How long after a fault's end every gateway served the next view (empty: not within the bound). */
    record Recovery(String fault, Optional<Duration> nextViewEverywhere, String note) {
    }

    /** From a fault's start to the end of its recovery: a failed request inside one is charged to that fault. */
    record Window(String fault, Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && !at.isAfter(end);
        }
    }

    private final List<Window> windows = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Recovery> recoveries = new ArrayList<>();
    private final Map<String, Long> swaps = new LinkedHashMap<>();
    private final List<String> poison = new ArrayList<>();
    private Traffic traffic;
    private ViewVersions versions = new ViewVersions(List.of());
    private List<String> expiries = List.of();

    void setting(String name, Object value) {
        settings.put(name, String.valueOf(value));
    }

    void recovered(Recovery recovery) {
        recoveries.add(recovery);
    }

    List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    void swaps(String gateway, long count) {
        swaps.merge(gateway, count, Long::sum);
    }

    Map<String, Long> swaps() {
        return Map.copyOf(swaps);
    }

    void poison(String line) {
        poison.add(line);
    }

    void window(String fault, Instant start, Instant end) {
        windows.add(new Window(fault, start, end));
    }

    void traffic(Traffic traffic) {
        this.traffic = traffic;
    }

    void versions(ViewVersions versions) {
        this.versions = versions;
    }

    void expiries(List<String> expiries) {
        this.expiries = List.copyOf(expiries);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Chaos run, ").append(Instant.now()).append("\n\n");
        settings.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
        md.append("\n| figure | value |\n|---|---|\n");
        if (traffic != null) {
            row(md, "requests sent", "%d (%d queries, %d mutations)".formatted(traffic.sent(), traffic.queries(), traffic.mutations()));
            List<Traffic.Failure> kept = traffic.failures();
            row(md, "requests failed", traffic.failed() + (kept.size() < traffic.failed() ? ", the first " + kept.size() + ":" : "")
                    + failuresByFault(kept));
        }
        swaps.forEach((gateway, count) -> row(md, "swaps seen by " + gateway, Long.toString(count)));
        row(md, "views produced (schema-history)", "%d (versions %s..%d)".formatted(versions.views(),
                versions.versions().isEmpty() ? "-" : versions.versions().getFirst(), versions.last()));
        row(md, "view versions missing", versions.missing().size() + " " + versions.missing());
        row(md, "view versions duplicated", versions.duplicated().size() + " " + versions.duplicated());
        row(md, "views out of order", Integer.toString(versions.outOfOrder()));
        row(md, "live instances expired by the aggregator", expiries.size() + (expiries.isEmpty() ? "" : " " + expiries));
        md.append("\n| fault | next view on every gateway, after the fault's end | note |\n|---|---|---|\n");
        recoveries.forEach(r -> md.append("| ").append(r.fault()).append(" | ")
                .append(r.nextViewEverywhere().map(ChaosReport::seconds).orElse("**not within the bound**"))
                .append(" | ").append(r.note()).append(" |\n"));
        md.append("\n| poison record | outcome |\n|---|---|\n");
        poison.forEach(line -> md.append(line).append('\n'));
        if (traffic != null && traffic.failed() > 0) {
            md.append("\nFirst failed requests:\n");
            traffic.failures().stream().limit(15).forEach(f -> md.append("- ").append(f.at()).append(' ').append(f.gateway())
                    .append(": ").append(f.what().replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    /** Where the failures kept in detail fell: in which fault's window, or outside every one. */
    private String failuresByFault(List<Traffic.Failure> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        Map<String, Long> byFault = new LinkedHashMap<>();
        failures.forEach(failure -> byFault.merge(windows.stream().filter(w -> w.contains(failure.at()))
                .map(w -> "during " + w.fault()).findFirst().orElse("outside every fault"), 1L, Long::sum));
        StringBuilder text = new StringBuilder(" (");
        byFault.forEach((where, count) -> text.append(text.length() > 2 ? "; " : "").append(count).append(' ').append(where));
        return text.append(")").toString();
    }

    void write(Path file) {
        try {
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static void row(StringBuilder md, String figure, String value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }
}
