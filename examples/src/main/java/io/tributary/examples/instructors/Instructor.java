package io.tributary.examples.instructors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.tributary.publisher.annotation.Description;
import jakarta.annotation.Nullable;
import java.time.LocalDate;

/**
 * An instructor as the instructors service returns it. The Java names are the service's own; the JSON keeps the
 * names clients know ({@code displayName} is written as {@code fullName}, {@code jobTitle} as {@code title}), and
 * the staff's {@code internalNotes} never leave the service. The graph has exactly the fields the JSON has.
 */
@Serdeable
@Description("A person who teaches courses.")
public record Instructor(
        @Description("Identifies the instructor.") String id,
        @JsonProperty("fullName") @Description("First and last name.") String displayName,
        @JsonProperty("title") @Nullable @Description("The instructor's job title, if they gave one.") String jobTitle,
        @Description("The department the instructor belongs to.") String department,
        @Description("The day the instructor joined.") LocalDate joinedOn,
        @JsonIgnore String internalNotes) {
}
