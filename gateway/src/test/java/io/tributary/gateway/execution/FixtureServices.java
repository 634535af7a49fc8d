package io.tributary.gateway.execution;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import io.tributary.gateway.testing.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four services of the golden graph ({@code CourseCatalogs.everything}, {@code GraphCatalogs}: courses,
 * instructors, enrollments, partners) as real HTTP servers over generated data, each answering the REST calls its
 * catalog describes and recording them: Naptime envelopes, offset, page and cursor paging, a finder selected by
 * {@code q=}, projection by {@code fields=}, and every mutation.
 */
final class FixtureServices implements AutoCloseable {
    static final int COURSES = 30;
    static final int INSTRUCTORS = 12;
    static final int PARTNERS = 5;
    /** The most partners one page holds, whatever the caller asks for. */
    static final int PARTNERS_PER_PAGE = 4;

    final RecordingServer courses;
    final RecordingServer instructors;
    final RecordingServer enrollments;
    final RecordingServer partners;
    private final Map<String, Map<String, Object>> courseData = new ConcurrentHashMap<>();

    FixtureServices() {
        for (int n = 1; n <= COURSES; n++) {
            courseData.put("c-" + n, course(n));
        }
        courses = new RecordingServer(this::courses);
        instructors = new RecordingServer(FixtureServices::instructors);
        enrollments = new RecordingServer(FixtureServices::enrollments);
        partners = new RecordingServer(FixtureServices::partners);
    }

    /** The golden graph's catalogs, each pointing at its fixture server. */
    List<ServiceCatalog> catalogs() {
        return List.of(at(CourseCatalogs.everything("a"), courses), at(GraphCatalogs.instructors(), instructors),
                at(GraphCatalogs.enrollments(), enrollments), at(GraphCatalogs.partners(), partners));
    }

    static ServiceCatalog at(ServiceCatalog catalog, RecordingServer server) {
        return at(catalog, server.baseUrl());
    }

    static ServiceCatalog at(ServiceCatalog catalog, String baseUrl) {
        return new ServiceCatalog(catalog.service(), catalog.instanceId(), catalog.serviceVersion(), catalog.publishedAt(),
                baseUrl, catalog.leaseMillis(), catalog.resources(), catalog.operations());
    }

    /** Every request any of the services got. */
    int calls() {
        return courses.requests().size() + instructors.requests().size() + enrollments.requests().size() + partners.requests().size();
    }

    void clear() {
        List.of(courses, instructors, enrollments, partners).forEach(RecordingServer::clear);
    }

    static List<Long> instructorIds(int course) {
        return course % 4 == 0 ? List.of(1L + course % INSTRUCTORS, 1L + (course + 5) % INSTRUCTORS) : List.of(1L + course % INSTRUCTORS);
    }

    static String partnerOf(long instructor) {
        return "p-" + (1 + instructor % 3);
    }

    static Map<String, Object> course(int n) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("id", "c-" + n);
        course.put("title", (n % 2 == 0 ? "Machine Learning " : "Algorithms ") + n);
        course.put("subtitle", n % 3 == 0 ? null : "Part " + n);
        course.put("rating", 4.0 + (n % 10) / 10.0);
        course.put("instructorIds", instructorIds(n));
        course.put("level", n % 2 == 0 ? "ADVANCED" : "BEGINNER");
        course.put("launchedAt", n % 5 == 0 ? null : "2024-01-%02dT09:00:00Z".formatted(n % 28 + 1));
        course.put("price", n + ".99");
        course.put("syllabus", List.of(Map.of("title", "Intro", "minutes", 10), Map.of("title", "Deep dive", "minutes", 5 * n)));
        course.put("metadata", Map.of("area", n % 2 == 0 ? "ml" : "cs"));
        return course;
    }

    private Reply courses(Recorded request) {
        List<String> path = segments(request);
        String method = request.method();
        if (path.size() == 1 && method.equals("GET")) {
            return courseList(request);
        }
        if (path.size() == 1 && method.equals("POST")) {
            Map<String, Object> created = read(request.body());
            courseData.put(String.valueOf(created.get("id")), created);
            return new Reply(201, created);
        }
        if (path.size() == 2 && path.get(1).equals("search")) {
            String query = request.query("query").orElse("");
            return Reply.ok(sorted().stream().filter(c -> ((String) c.get("title")).contains(query)).toList());
        }
        String id = path.get(1);
        Map<String, Object> course = courseData.get(id);
        if (path.size() == 3 && path.get(2).equals("archive") && method.equals("POST")) {
            if (course == null) {
                return Reply.notFound();
            }
            Map<String, Object> archived = new LinkedHashMap<>(course);
            archived.put("metadata", Map.of("archived", request.query("reason").orElse("")));
            return Reply.ok(archived);
        }
        if (course == null) {
            return Reply.notFound();
        }
        return switch (method) {
            case "GET" -> Reply.ok(projected(course, request));
            case "PUT" -> {
                Map<String, Object> replaced = read(request.body());
                courseData.put(id, replaced);
                yield Reply.ok(replaced);
            }
            case "PATCH" -> {
                Map<String, Object> patched = new LinkedHashMap<>(course);
                patched.putAll(read(request.body()));
                courseData.put(id, patched);
                yield Reply.ok(patched);
            }
            case "DELETE" -> {
                courseData.remove(id);
                yield new Reply(204, null);
            }
            default -> new Reply(405, Map.of("message", method));
        };
    }

    private Reply courseList(Recorded request) {
        Optional<String> ids = request.query("ids");
        if (ids.isPresent()) {
            List<Map<String, Object>> found = Arrays.stream(ids.get().split(",")).map(courseData::get).filter(c -> c != null).toList();
            return Reply.ok(Map.of("elements", found, "paging", Map.of("total", found.size())));
        }
        if (request.query("q").filter("byInstructorId"::equals).isPresent()) {
            long instructor = Long.parseLong(request.query("instructorId").orElseThrow());
            int page = Integer.parseInt(request.query("page").orElse("0"));
            int size = Integer.parseInt(request.query("per_page").orElse("10"));
            List<Map<String, Object>> taught = sorted().stream().filter(c -> ((List<?>) c.get("instructorIds")).contains(instructor)).toList();
            return Reply.ok(slice(taught, page * size, size));
        }
        int start = Integer.parseInt(request.query("start").orElse("0"));
        int limit = Integer.parseInt(request.query("limit").orElse("10"));
        List<Map<String, Object>> all = sorted();
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("total", all.size());
        if (start + limit < all.size()) {
            paging.put("next", String.valueOf(start + limit));
        }
        return Reply.ok(Map.of("elements", slice(all, start, limit), "paging", paging));
    }

    private List<Map<String, Object>> sorted() {
        return new TreeMap<>(courseData).values().stream()
                .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }

    private static int number(Map<String, Object> course) {
        return Integer.parseInt(((String) course.get("id")).substring(2));
    }

    private static Reply instructors(Recorded request) {
        List<String> path = segments(request);
        if (path.size() == 2) {
            long id = Long.parseLong(path.get(1));
            return id >= 1 && id <= INSTRUCTORS ? Reply.ok(instructor(id)) : Reply.notFound();
        }
        List<Map<String, Object>> found = Arrays.stream(request.query("ids").orElse("").split(",")).filter(s -> !s.isEmpty())
                .map(Long::parseLong).filter(id -> id >= 1 && id <= INSTRUCTORS).map(FixtureServices::instructor).toList();
        return Reply.ok(Map.of("elements", found));
    }

    static Map<String, Object> instructor(long id) {
        return Map.of("id", id, "name", "Instructor " + id, "partnerId", partnerOf(id), "joinedOn", "2020-02-%02d".formatted(id));
    }

    private static Reply enrollments(Recorded request) {
        List<String> path = segments(request);
        if (request.method().equals("POST") && path.getLast().equals("enroll")) {
            return new Reply(201, enrollment(request.query("courseId").orElseThrow(), 99));
        }
        String courseId = request.query("courseId").orElseThrow();
        int start = Integer.parseInt(request.query("start").orElse("0"));
        int limit = Integer.parseInt(request.query("limit").orElse("10"));
        int count = Integer.parseInt(courseId.substring(2)) % 3;
        List<Map<String, Object>> all = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            all.add(enrollment(courseId, k));
        }
        return Reply.ok(Map.of("elements", slice(all, start, limit), "paging", Map.of("total", all.size())));
    }

    static Map<String, Object> enrollment(String courseId, int k) {
        return Map.of("id", "e-" + courseId + "-" + k, "courseId", courseId, "status", k % 2 == 0 ? "COMPLETED" : "ACTIVE",
                "learnerId", "00000000-0000-4000-8000-00000000000" + k);
    }

    /** Partners page by an opaque cursor in {@code {"data": [...], "meta": {"total", "next"}}}, at most four a page. */
    private static Reply partners(Recorded request) {
        List<String> path = segments(request);
        if (path.size() == 2) {
            int n = Integer.parseInt(path.get(1).substring(2));
            return n >= 1 && n <= PARTNERS ? Reply.ok(partner(n)) : Reply.notFound();
        }
        int start = request.query("cursor").map(c -> Integer.parseInt(c.substring("after-".length()))).orElse(0);
        int limit = Math.min(PARTNERS_PER_PAGE, Integer.parseInt(request.query("limit").orElse("2")));
        List<Map<String, Object>> page = new ArrayList<>();
        for (int n = start + 1; n <= Math.min(PARTNERS, start + limit); n++) {
            page.add(partner(n));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("total", PARTNERS);
        meta.put("next", start + limit < PARTNERS ? "after-" + (start + limit) : null);
        return Reply.ok(Map.of("data", page, "meta", meta));
    }

    static Map<String, Object> partner(int n) {
        return Map.of("id", "p-" + n, "name", "Partner " + n, "address", Map.of("city", "City " + n, "country", "CH"));
    }

    private static List<String> segments(Recorded request) {
        return Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Map<String, Object>> slice(List<Map<String, Object>> all, int start, int limit) {
        return all.subList(Math.min(start, all.size()), Math.min(all.size(), start + limit));
    }

    private static Map<String, Object> projected(Map<String, Object> element, Recorded request) {
        Optional<String> fields = request.query("fields");
        if (fields.isEmpty()) {
            return element;
        }
        Set<String> wanted = Set.of(fields.get().split(","));
        Map<String, Object> projected = new LinkedHashMap<>();
        element.forEach((k, v) -> {
            if (wanted.contains(k)) {
                projected.put(k, v);
            }
        });
        return projected;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String body) {
        try {
            return RecordingServer.JSON.readValue(body, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        List.of(courses, instructors, enrollments, partners).forEach(RecordingServer::close);
    }
}
