package io.tributary.gateway.testing;

import io.tributary.gateway.testing.RecordingServer.Recorded;
import io.tributary.gateway.testing.RecordingServer.Reply;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The courses service as the gateway's HTTP-level tests need it: two courses by id, and both at once by {@code ids}. */
public final class CoursesService {
    private static final Map<String, Map<String, Object>> COURSES = Map.of(
            "c-1", course("c-1", "Machine Learning", null, 4.5, 90),
            "c-2", course("c-2", "Algorithms", "Design and analysis", 4.8, 60));

    private CoursesService() {
    }

    /** A running courses service. */
    public static RecordingServer start() {
        return new RecordingServer(CoursesService::answer);
    }

    private static Reply answer(Recorded request) {
        String path = request.path();
        if (path.equals("/courses") && request.query("ids").isPresent()) {
            List<Map<String, Object>> found = Arrays.stream(request.query("ids").get().split(","))
                    .filter(COURSES::containsKey).map(COURSES::get).toList();
            return Reply.ok(Map.of("elements", found));
        }
        Map<String, Object> course = COURSES.get(path.substring(path.lastIndexOf('/') + 1));
        return path.startsWith("/courses/") && course != null ? Reply.ok(course) : new Reply(404, Map.of());
    }

    private static Map<String, Object> course(String id, String title, String subtitle, double rating, int durationMinutes) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("id", id);
        course.put("title", title);
        course.put("subtitle", subtitle);
        course.put("rating", rating);
        course.put("durationMinutes", durationMinutes);
        return course;
    }
}
