package io.tributary.examples.enrollments;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.publisher.annotation.Description;

/** Where a learner stands in a course they enrolled in. */
@Serdeable
@Description("Where a learner stands in a course they enrolled in.")
public enum EnrollmentStatus { ACTIVE, COMPLETED, WITHDRAWN }
