package io.tributary.examples.courses;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fifty courses generated in memory, the same every run, so examples and tests can name them. */
@Singleton
@Requires(env = CoursesApp.ENVIRONMENT)
public class CourseRepository {
    private static final String[] SUBJECTS = {"Machine Learning", "Algorithms", "Financial Markets", "Public Speaking", "Astronomy"};
    private final Map<String, Course> courses = new LinkedHashMap<>();

    public CourseRepository() {
        for (int i = 1; i <= 50; i++) {
            String subject = SUBJECTS[i % SUBJECTS.length];
            courses.put("c-" + i, new Course("c-" + i, subject + " " + (100 + i), i % 3 == 0 ? null : "An introduction to " + subject,
                    3.5 + (i % 15) / 10.0, 60 * (1 + i % 12)));
        }
    }

    public Optional<Course> find(String id) {
        return Optional.ofNullable(courses.get(id));
    }

    /** The courses with these ids, in the order asked, skipping ids that do not exist. */
    public List<Course> findAll(List<String> ids) {
        return ids.stream().map(courses::get).filter(java.util.Objects::nonNull).toList();
    }
}
