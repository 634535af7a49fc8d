package io.tributary.diff;

import graphql.parser.ParserOptions;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import io.tributary.compose.PrintedField;
import io.tributary.compose.PrintedSchema;
import io.tributary.compose.PrintedType;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The classified changes from one schema to the next, computed with graphql-java's {@link SchemaDiff}, in a stable order. */
public final class SchemaChanges {
    private static final String QUERY = "Query";
    private static final String MUTATION = "Mutation";
    /** A root field neither side has, the same on both: keeps a root type with no selected field valid. */
    private static final String PLACEHOLDER = "_tributaryDiffPlaceholder";
    private static final Comparator<SchemaChange> ORDER = Comparator.comparing(SchemaChange::level)
            .thenComparing(SchemaChange::coordinate).thenComparing(SchemaChange::category).thenComparing(SchemaChange::message);

    static {
        // SchemaDiffSet parses both schemas with graphql-java's general default parser options, whose limits (15,000
        // tokens) guard against hostile operations and refuse the composed schema of a handful of services. A composed
        // schema is trusted input: the general default gets the SDL parser's limits. Operations keep their own
        // (graphql-java parses them with the operation defaults, which this leaves alone).
        ParserOptions sdl = ParserOptions.getDefaultSdlParserOptions();
        ParserOptions.setDefaultParserOptions(ParserOptions.getDefaultParserOptions().transform(options -> options
                .maxCharacters(sdl.getMaxCharacters()).maxTokens(sdl.getMaxTokens())
                .maxWhitespaceTokens(sdl.getMaxWhitespaceTokens()).maxRuleDepth(sdl.getMaxRuleDepth())));
    }

    private SchemaChanges() {
    }

    public static List<SchemaChange> between(String oldSdl, String newSdl) {
        if (oldSdl.equals(newSdl)) {
            return List.of();
        }
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(oldSdl, newSdl), reporter);
        // SchemaDiff also reports each type and field it examines, as INFO without a category: progress, not changes.
        return reporter.getEvents().stream().filter(e -> e.getCategory() != null)
                .map(SchemaChanges::change).sorted(ORDER).distinct().toList();
    }

    /**
     * The same changes as {@link #between(String, String)} of the two schemas' SDL, parsing only what can differ: the
     * root fields that changed or reach a changed type, with every type they reach. graphql-java's diff walks the
     * schema from its root fields and reports only differences, so the fields and types left out (the same text on
     * both sides, reaching nothing that changed) add nothing to it. A placeholder field keeps a root type that has no
     * such field (and is on both sides) in the pair, so its presence is compared as before.
     */
    public static List<SchemaChange> between(PrintedSchema before, PrintedSchema after) {
        if (before.sdl().equals(after.sdl())) {
            return List.of();
        }
        Set<String> changed = new HashSet<>();
        for (String name : union(before.types().keySet(), after.types().keySet())) {
            if (!name.equals(QUERY) && !name.equals(MUTATION) && !Objects.equals(sdl(before, name), sdl(after, name))) {
                changed.add(name);
            }
        }
        if (renamesReference(before, after, changed)) {
            return between(before.sdl(), after.sdl());
        }
        Set<String> reaching = reaching(before.referrers(), changed);
        reaching.addAll(reaching(after.referrers(), changed));
        Map<String, Set<String>> fields = new HashMap<>();
        for (String root : List.of(QUERY, MUTATION)) {
            Set<String> selected = new TreeSet<>();
            for (String name : union(before.rootFields(root).keySet(), after.rootFields(root).keySet())) {
                PrintedField old = before.rootFields(root).get(name);
                PrintedField now = after.rootFields(root).get(name);
                if (old == null || now == null || !old.sdl().equals(now.sdl())
                        || old.refs().stream().anyMatch(reaching::contains) || now.refs().stream().anyMatch(reaching::contains)) {
                    selected.add(name);
                }
            }
            fields.put(root, selected);
        }
        return between(reduced(before, fields), reduced(after, fields));
    }

    /**
     * Whether a type or root field on both sides now refers to other types than before (a field whose type changed its
     * name, or a new field of another type). graphql-java's diff then compares two differently named types and skips
     * them later on other paths, so what it reports depends on every path through the schema: only the whole diff
     * says the same as the whole diff.
     */
    private static boolean renamesReference(PrintedSchema before, PrintedSchema after, Set<String> changed) {
        for (String name : changed) {
            PrintedType old = before.types().get(name);
            PrintedType now = after.types().get(name);
            if (old != null && now != null && !old.refs().equals(now.refs())) {
                return true;
            }
        }
        for (String root : List.of(QUERY, MUTATION)) {
            for (Map.Entry<String, PrintedField> entry : before.rootFields(root).entrySet()) {
                PrintedField now = after.rootFields(root).get(entry.getKey());
                if (now != null && !now.sdl().equals(entry.getValue().sdl()) && !now.refs().equals(entry.getValue().refs())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sdl(PrintedSchema schema, String type) {
        PrintedType printed = schema.types().get(type);
        return printed == null ? null : printed.sdl();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The types that are, or refer to (at any depth), one of these, given who refers to whom. */
    private static Set<String> reaching(Map<String, List<String>> referrers, Set<String> targets) {
        Set<String> found = new HashSet<>(targets);
        Deque<String> next = new ArrayDeque<>(targets);
        while (!next.isEmpty()) {
            for (String referrer : referrers.getOrDefault(next.pop(), List.of())) {
                if (found.add(referrer)) {
                    next.push(referrer);
                }
            }
        }
        return found;
    }

    /** The SDL of the selected root fields of one side, with every type they reach. */
    private static String reduced(PrintedSchema schema, Map<String, Set<String>> selected) {
        StringBuilder sdl = new StringBuilder();
        Deque<String> next = new ArrayDeque<>();
        for (String root : List.of(QUERY, MUTATION)) {
            if (!schema.types().containsKey(root)) {
                continue;
            }
            sdl.append("type ").append(root).append(" {\n  ").append(PLACEHOLDER).append(": Boolean\n");
            for (String name : selected.get(root)) {
                PrintedField field = schema.rootFields(root).get(name);
                if (field != null) {
                    sdl.append(field.sdl());
                    next.addAll(field.refs());
                }
            }
            sdl.append("}\n\n");
        }
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String name = next.pop();
            PrintedType type = schema.types().get(name);
            if (type != null && seen.add(name)) {
                sdl.append(type.sdl());
                next.addAll(type.refs());
            }
        }
        return sdl.toString();
    }

    private static SchemaChange change(DiffEvent event) {
        SchemaChange.Level level = switch (event.getLevel()) {
            case BREAKING -> SchemaChange.Level.BREAKING;
            case DANGEROUS -> SchemaChange.Level.DANGEROUS;
            case INFO -> SchemaChange.Level.SAFE;
        };
        String coordinate = event.getTypeName() == null ? "" : event.getTypeName()
                + (event.getFieldName() == null ? "" : "." + event.getFieldName());
        return new SchemaChange(level, event.getCategory() == null ? "" : event.getCategory().name(), coordinate,
                event.getReasonMsg() == null ? "" : event.getReasonMsg());
    }
}
