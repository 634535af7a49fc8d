package io.tributary.diagnostic;

import java.util.Objects;

/**
 * Something the fold, composition or lint noticed about the graph, precise enough to act on: a stable code,
 * a message a person can read, and where (service, resource, type or field) it applies.
 */
public record Diagnostic(Severity severity, String code, String message, String where) {

    /** How much a diagnostic matters; only errors keep something out of the graph. */
    public enum Severity { INFO, WARNING, ERROR }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(where, "where");
    }
}
