package io.tributary.avro;

import io.tributary.compose.CompositionSettings;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import io.tributary.view.FoldSettings;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Fold settings to and from their wire record. Names are written as text, so a reader can say which one it lacks. */
final class FoldSettingsMapper {
    private FoldSettingsMapper() {
    }

    static io.tributary.avro.generated.FoldSettings toWire(FoldSettings settings) {
        Map<String, String> severities = new TreeMap<>();
        settings.lint().severities().forEach((rule, severity) -> severities.put(rule.name(), severity.name()));
        return io.tributary.avro.generated.FoldSettings.newBuilder()
                .setPagination(settings.composition().pagination().name())
                .setLintSeverities(severities)
                .setLintDisabled(settings.lint().disabled().stream().map(LintRule::name).sorted().toList())
                .setLintErrorsBlock(settings.lint().errorsBlockViews())
                .build();
    }

    static FoldSettings toModel(io.tributary.avro.generated.FoldSettings wire) {
        Map<LintRule, Severity> severities = new EnumMap<>(LintRule.class);
        wire.getLintSeverities().forEach((rule, severity) ->
                severities.put(LintRule.valueOf(rule), Severity.valueOf(severity)));
        Set<LintRule> disabled = EnumSet.noneOf(LintRule.class);
        wire.getLintDisabled().forEach(rule -> disabled.add(LintRule.valueOf(rule)));
        return new FoldSettings(
                new CompositionSettings(CompositionSettings.PaginationMode.valueOf(wire.getPagination())),
                new LintSettings(severities, disabled, wire.getLintErrorsBlock()));
    }
}
