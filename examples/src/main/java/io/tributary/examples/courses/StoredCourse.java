package io.tributary.examples.courses;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * A course as the repository keeps it, with every field any deploy knows: what a database row would be, so a v1
 * deploy reads and writes the same data as v2 without seeing {@code durationMinutes}.
 */
public record StoredCourse(String id, String title, @Nullable String subtitle, double rating, int durationMinutes,
        Level level, LocalDate launchedOn, List<String> instructorIds) {

    public StoredCourse {
        instructorIds = List.copyOf(instructorIds);
    }

    StoredCourse withId(String newId) {
        return new StoredCourse(newId, title, subtitle, rating, durationMinutes, level, launchedOn, instructorIds);
    }

    StoredCourse withTitle(String newTitle) {
        return new StoredCourse(id, newTitle, subtitle, rating, durationMinutes, level, launchedOn, instructorIds);
    }
}
