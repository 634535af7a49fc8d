package io.tributary.lint;

import io.tributary.diagnostic.Diagnostic.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-rule severities, the rules switched off, and whether a lint error keeps a new view from being written (off by
 * default: lint informs). By default every rule reports at its default severity.
 */
public record LintSettings(Map<LintRule, Severity> severities, Set<LintRule> disabled, boolean errorsBlockViews) {

    public static final LintSettings DEFAULT = new LintSettings(Map.of(), Set.of(), false);

    public LintSettings {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
    }

    /** The severity a rule reports at, or empty when it is switched off. */
    public Optional<Severity> severity(LintRule rule) {
        return disabled.contains(rule) ? Optional.empty() : Optional.of(severities.getOrDefault(rule, rule.defaultSeverity()));
    }
}
