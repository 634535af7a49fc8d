package io.tributary.examples.courses;

import io.micronaut.serde.annotation.Serdeable;
import io.tributary.publisher.annotation.Description;

/** How much a course expects its learners to know already. */
@Serdeable
@Description("How much a course expects its learners to know already.")
public enum Level { BEGINNER, INTERMEDIATE, ADVANCED }
