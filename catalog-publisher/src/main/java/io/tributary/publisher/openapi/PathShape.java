package io.tributary.publisher.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path read for its resource, once the prefixes that name no resource are gone: the server URL's path, a version
 * ({@code /v1}, {@code /2.0}, {@code /tasks/v1}) and {@code /api}. What is left is constants ({@code repositories})
 * and variables ({@code {slug}}); the last constant before the end or before the last variable names the collection.
 */
record PathShape(List<String> segments, int version) {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.\\d+)*(?:(?:alpha|beta|rc)\\d*)?", Pattern.CASE_INSENSITIVE);
    private static final List<String> PLAIN_PREFIXES = List.of("api", "rest");
    /** A version may follow a product name: {@code /tasks/v1/lists}; not deeper. */
    private static final int MAX_VERSION_DEPTH = 2;
    private static final Pattern FORMAT_SUFFIX = Pattern.compile("\\.(json|xml)$");
    private static final Pattern FINDER = Pattern.compile("(?:find)?[Bb]y([A-Z_][A-Za-z0-9_]*)");

    /** Reads a path, dropping {@code basePath} (the server URL's path) when the path starts with it. */
    static PathShape of(String path, String basePath) {
        List<String> segments = split(path);
        List<String> base = split(basePath);
        if (!base.isEmpty() && segments.size() > base.size() && segments.subList(0, base.size()).equals(base)) {
            segments = segments.subList(base.size(), segments.size());
        }
        int version = 1;
        for (int i = 0; i <= MAX_VERSION_DEPTH && i < segments.size() - 1; i++) {
            if (isVariable(segments.get(i))) {
                break;
            }
            Matcher matcher = VERSION.matcher(segments.get(i));
            if (matcher.matches()) {
                version = Math.max(1, Integer.parseInt(matcher.group(1)));
                segments = segments.subList(i + 1, segments.size());
                break;
            }
        }
        while (segments.size() > 1 && PLAIN_PREFIXES.contains(segments.getFirst().toLowerCase(Locale.ROOT))) {
            segments = segments.subList(1, segments.size());
        }
        return new PathShape(List.copyOf(segments), version);
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    String last() {
        return segments.getLast();
    }

    /** The segment {@code back} places before the last: {@code before(1)} of {@code /pets/{id}} is {@code pets}. */
    Optional<String> before(int back) {
        int index = segments.size() - 1 - back;
        return index < 0 ? Optional.empty() : Optional.of(segments.get(index));
    }

    /** The variables before the segment {@code back} places before the last: the parent's keys. */
    List<String> variablesBefore(int back) {
        List<String> variables = new ArrayList<>();
        for (String segment : segments.subList(0, Math.max(0, segments.size() - 1 - back))) {
            if (isVariable(segment)) {
                variables.add(name(segment));
            }
        }
        return variables;
    }

    /** {@code findByStatus}, {@code byOwner} → {@code byStatus}, {@code byOwner}; {@code search} → {@code search}. */
    static Optional<String> finderName(String segment) {
        if (segment.equalsIgnoreCase("search")) {
            return Optional.of("search");
        }
        Matcher matcher = FINDER.matcher(segment);
        return matcher.matches() ? Optional.of("by" + Identifiers.pascal(matcher.group(1))) : Optional.empty();
    }

    /** A camelCase word with a capital inside ({@code createWithArray}, {@code uploadImage}): a verb, not a collection. */
    static boolean isVerb(String segment) {
        return !segment.isEmpty() && Character.isLowerCase(segment.charAt(0)) && !segment.equals(segment.toLowerCase(Locale.ROOT))
                && segment.chars().allMatch(Character::isLetterOrDigit);
    }

    static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0;
    }

    /** {@code {slug}} → {@code slug}. */
    static String name(String variable) {
        return variable.substring(1, variable.length() - 1);
    }

    /** Segments without a format suffix, so {@code /admin/backups.json} reads as {@code /admin/backups}. */
    private static List<String> split(String path) {
        return path == null ? List.of() : Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> FORMAT_SUFFIX.matcher(s).replaceFirst("")).toList();
    }
}
