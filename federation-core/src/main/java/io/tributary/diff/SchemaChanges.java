package io.tributary.diff;

import graphql.parser.ParserOptions;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.util.Comparator;
import java.util.List;

/** The classified changes from one schema to the next, computed with graphql-java's {@link SchemaDiff}, in a stable order. */
public final class SchemaChanges {
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
