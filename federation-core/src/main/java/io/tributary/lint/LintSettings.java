package io.tributary.lint;

import io.tributary.diagnostic.Diagnostic.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Per-rule severities and the rules switched off. By default every rule reports at its default severity. */
public record LintSettings(Map<LintRule, Severity> severities, Set<LintRule> disabled) {

    public static final LintSettings DEFAULT = new LintSettings(Map.of(), Set.of());

    public LintSettings {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
    }

    /** The severity a rule reports at, or empty when it is switched off. */
    public Optional<Severity> severity(LintRule rule) {
        return disabled.contains(rule) ? Optional.empty() : Optional.of(severities.getOrDefault(rule, rule.defaultSeverity()));
    }
}
