package io.tributary.examples.instructors;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Twelve instructors generated in memory, {@code i-1} to {@code i-12}, the same every run: exactly the ids the
 * courses example names in its courses' {@code instructorIds}.
 */
@Singleton
@Requires(env = InstructorsApp.ENVIRONMENT)
public class InstructorRepository {
    /** How many instructors there are. */
    public static final int INSTRUCTORS = 12;
    private static final String[] FIRST_NAMES = {"Ada", "Brian", "Chiara", "Daniel", "Esther", "Farid"};
    private static final String[] LAST_NAMES = {"Kane", "Ilyenko", "Saeta", "Okafor"};
    private static final String[] DEPARTMENTS = {"Computer Science", "Economics", "Physics", "Communication"};
    /** What staff note about an instructor, which the service never writes out. */
    private static final String[] INTERNAL_NOTES = {"Contract renews in June", "Prefers morning slots", ""};

    private final Map<String, Instructor> instructors = new LinkedHashMap<>();

    public InstructorRepository() {
        for (int i = 1; i <= INSTRUCTORS; i++) {
            String id = "i-" + i;
            instructors.put(id, new Instructor(id, FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[i % LAST_NAMES.length],
                    i % 4 == 0 ? null : (i % 2 == 0 ? "Associate Professor" : "Lecturer"),
                    DEPARTMENTS[i % DEPARTMENTS.length], LocalDate.of(2015, 9, 1).plusDays(101L * i),
                    INTERNAL_NOTES[i % INTERNAL_NOTES.length]));
        }
    }

    public Optional<Instructor> find(String id) {
        return Optional.ofNullable(instructors.get(id));
    }

    /** The instructors with these ids, in the order asked, skipping ids that do not exist. */
    public List<Instructor> findAll(List<String> ids) {
        return ids.stream().map(instructors::get).filter(Objects::nonNull).toList();
    }
}
