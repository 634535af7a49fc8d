package io.tributary.view;

import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import io.tributary.diff.SchemaChanges;
import io.tributary.lint.LintRule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code check} says a deploy would do, decided from the trial fold alone so that it can be tested against what
 * the aggregator then does: the new view (empty when the graph would not change), the composition errors of the
 * deployed service, lint's findings, the lint errors that would keep the graph from being served (when lint errors
 * block), and the changes clients would see.
 */
public record DeployVerdict(Optional<SchemaView> before, Optional<SchemaView> next, List<Diagnostic> errors, List<Diagnostic> lint,
                            List<Diagnostic> blockedBy, List<SchemaChange> changes) {
    private static final Set<String> LINT_CODES = Arrays.stream(LintRule.values()).map(Enum::name).collect(Collectors.toSet());

    /** The verdict in one word, worst first. */
    public enum Kind {
        /** The service's catalog cannot be composed into the graph (in part or in whole). */
        NOT_COMPOSABLE,
        /** Lint errors would keep the new graph from being served. */
        BLOCKED,
        /** Clients would break. */
        BREAKING,
        /** Nothing stands in the way. */
        SAFE
    }

    public DeployVerdict {
        errors = List.copyOf(errors);
        lint = List.copyOf(lint);
        blockedBy = List.copyOf(blockedBy);
        changes = List.copyOf(changes);
    }

    /** Judges a trial: the view before it, the new view it made, and the lint errors that blocked its last event. */
    static DeployVerdict of(String service, Optional<SchemaView> before, Optional<SchemaView> next, List<Diagnostic> blockedBy) {
        List<Diagnostic> diagnostics = next.or(() -> before).map(SchemaView::diagnostics).orElse(List.of());
        List<Diagnostic> errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR
                && !LINT_CODES.contains(d.code()) && (d.where().equals(service) || d.where().startsWith(service + ":"))).toList();
        List<Diagnostic> lint = diagnostics.stream()
                .filter(d -> LINT_CODES.contains(d.code()) && d.severity() != Diagnostic.Severity.INFO).toList();
        List<SchemaChange> changes = next.flatMap(after -> before.map(previous -> SchemaChanges.between(previous.sdl(), after.sdl())))
                .orElse(List.of());
        return new DeployVerdict(before, next, errors, lint, blockedBy, changes);
    }

    public Kind kind() {
        if (!errors.isEmpty()) {
            return Kind.NOT_COMPOSABLE;
        }
        if (!blockedBy.isEmpty()) {
            return Kind.BLOCKED;
        }
        return changes.stream().anyMatch(c -> c.level() == SchemaChange.Level.BREAKING) ? Kind.BREAKING : Kind.SAFE;
    }
}
