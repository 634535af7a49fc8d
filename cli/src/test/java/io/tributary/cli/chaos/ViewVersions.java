package io.tributary.cli.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The versions of the views on the history topic, in log order, checked as the contract says: +1 per view, never
 * reused. A version missing between the first and the last, one written twice, or one lower than its predecessor
 * is a defect (a lost view, a view re-made after a crash, a reorder).
 */
record ViewVersions(List<Long> versions) {
    ViewVersions {
        versions = List.copyOf(versions);
    }

    int views() {
        return versions.size();
    }

    long last() {
        return versions.isEmpty() ? 0 : versions.getLast();
    }

    List<Long> missing() {
        Set<Long> seen = new HashSet<>(versions);
        List<Long> missing = new ArrayList<>();
        if (versions.isEmpty()) {
            return missing;
        }
        long first = versions.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = versions.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (long version = first; version <= last; version++) {
            if (!seen.contains(version)) {
                missing.add(version);
            }
        }
        return missing;
    }

    List<Long> duplicated() {
        Set<Long> seen = new HashSet<>();
        Set<Long> duplicated = new TreeSet<>();
        versions.forEach(version -> {
            if (!seen.add(version)) {
                duplicated.add(version);
            }
        });
        return List.copyOf(duplicated);
    }

    /** Views whose version is not above the one before them in the log. */
    int outOfOrder() {
        int count = 0;
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i) <= versions.get(i - 1)) {
                count++;
            }
        }
        return count;
    }
}
