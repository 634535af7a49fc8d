package io.tributary.diagnostic;

import java.util.Objects;

/**
 * Something the fold, composition or lint noticed about the graph, precise enough to act on: a stable code,
 * a message a person can read, and where (service, resource, type or field) it applies. The code is text, as views
 * carry it through the log and lint reports its rules' names; the fold's, composition's and curation's own codes are
 * {@link Code}s, so code that acts on one names it instead of spelling it.
 */
public record Diagnostic(Severity severity, String code, String message, String where) {

    /** How much a diagnostic matters; only errors keep something out of the graph. */
    public enum Severity { INFO, WARNING, ERROR }

    /** The codes of the fold, composition and curation (lint's are its rules' names). */
    public enum Code {
        /** A resource another service already serves; this one is left out. */
        RESOURCE_CONFLICT,
        /** Query or mutation fields another resource already defines; the resource is left out. */
        FIELD_CONFLICT,
        /** A type another service already defines differently; the resource is left out. */
        TYPE_CONFLICT,
        /** A resource GraphQL cannot express; its service is quarantined. */
        UNCOMPOSABLE,
        /** A service serves its last good catalog, or none, because its catalog cannot be composed. */
        QUARANTINED,
        /** A relation to a resource no service serves. */
        DANGLING_RELATION,
        /** A curation rule that matches nothing in the graph. */
        CURATION_UNMATCHED,
        /** Curation rules that would make the schema invalid; none is applied. */
        CURATION_INVALID
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(where, "where");
    }

    public Diagnostic(Severity severity, Code code, String message, String where) {
        this(severity, code.name(), message, where);
    }

    /** Whether this diagnostic has that code. */
    public boolean is(Code code) {
        return this.code.equals(code.name());
    }
}
