package io.tributary.lint;

import io.tributary.diagnostic.Diagnostic.Severity;

/** The design-guide rules the lint checks, each a stable diagnostic code with its default severity. */
public enum LintRule {
    /** Udemy, Remember (0): every type, field, argument and enum is described. */
    MISSING_DESCRIPTION(Severity.INFO),
    /** Udemy, Remember (2): queries are named after the object, not getCourses or listCourses. */
    RESTFUL_QUERY_NAME(Severity.WARNING),
    /** Udemy, Remember (3): a query by something other than the id names it: coursesByInstructorId. */
    FINDER_NAME(Severity.WARNING),
    /** Udemy, Remember (5): mutations are noun first, courseCreate, not createCourse. */
    MUTATION_NAME(Severity.WARNING),
    /** Udemy, Remember (1): types are top level, so generic names are prefixed: CourseEnrollment, not Enrollment. */
    GENERIC_TYPE_NAME(Severity.WARNING),
    /** Udemy, Enums: no UNKNOWN_OPTION copied from protobuf; values the end user can pick. */
    PLACEHOLDER_ENUM_VALUE(Severity.WARNING),
    /** SwipeSense: a list that can be huge needs a connection. */
    UNBOUNDED_LIST(Severity.WARNING);

    private final Severity defaultSeverity;

    LintRule(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
