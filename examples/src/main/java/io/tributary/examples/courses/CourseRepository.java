package io.tributary.examples.courses;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fifty courses generated in memory, the same every run, so examples and tests can name them; changes live as long
 * as the instance. Course {@code c-N} is taught by instructor {@code i-(1 + N % 12)} (and a second one when N is a
 * multiple of 4), all of which the instructors example serves.
 */
@Singleton
@Requires(env = CoursesApp.ENVIRONMENT)
public class CourseRepository {
    /** How many courses there are at start. */
    public static final int COURSES = 50;
    /** How many instructors the courses name, {@code i-1} to {@code i-12}. */
    public static final int INSTRUCTORS = 12;
    private static final String[] SUBJECTS =
            {"Machine Learning", "Algorithms", "Financial Markets", "Public Speaking", "Astronomy"};
    private static final LocalDate FIRST_LAUNCH = LocalDate.of(2020, 1, 6);

    private final Map<String, StoredCourse> courses = new LinkedHashMap<>();

    public CourseRepository() {
        for (int i = 1; i <= COURSES; i++) {
            String subject = SUBJECTS[i % SUBJECTS.length];
            List<String> instructorIds = i % 4 == 0
                    ? List.of("i-" + (1 + i % INSTRUCTORS), "i-" + (1 + (i + 5) % INSTRUCTORS))
                    : List.of("i-" + (1 + i % INSTRUCTORS));
            courses.put("c-" + i, new StoredCourse("c-" + i, subject + " " + (100 + i),
                    i % 3 == 0 ? null : "An introduction to " + subject, 3.5 + (i % 15) / 10.0, 60 * (1 + i % 12),
                    Level.values()[i % Level.values().length], FIRST_LAUNCH.plusDays(37L * i), instructorIds));
        }
    }

    public synchronized Optional<StoredCourse> find(String id) {
        return Optional.ofNullable(courses.get(id));
    }

    /** The courses with these ids, in the order asked, skipping ids that do not exist. */
    public synchronized List<StoredCourse> findAll(List<String> ids) {
        return ids.stream().map(courses::get).filter(Objects::nonNull).toList();
    }

    public synchronized List<StoredCourse> all() {
        return List.copyOf(courses.values());
    }

    public synchronized List<StoredCourse> byInstructorId(String instructorId) {
        return courses.values().stream().filter(c -> c.instructorIds().contains(instructorId)).toList();
    }

    /** Courses whose title contains every word of the query, ignoring case. */
    public synchronized List<StoredCourse> search(String query) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        return courses.values().stream()
                .filter(c -> words.stream().allMatch(c.title().toLowerCase(Locale.ROOT)::contains))
                .toList();
    }

    /** Adds the course unless its id is taken; true when added. */
    public synchronized boolean create(StoredCourse course) {
        return courses.putIfAbsent(course.id(), course) == null;
    }

    /** Replaces the course with this id, if there is one. */
    public synchronized Optional<StoredCourse> replace(String id, StoredCourse course) {
        if (!courses.containsKey(id)) {
            return Optional.empty();
        }
        courses.put(id, course.withId(id));
        return Optional.of(courses.get(id));
    }

    public synchronized Optional<StoredCourse> updateTitle(String id, String title) {
        return Optional.ofNullable(courses.computeIfPresent(id, (key, course) -> course.withTitle(title)));
    }

    public synchronized boolean delete(String id) {
        return courses.remove(id) != null;
    }
}
