package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tributary.gateway.rest.client.RestSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relay connections and {@code Paged} results over the three paging styles of the golden graph: offsets
 * ({@code coursesConnection}, start/limit), page numbers ({@code coursesByInstructorId}, page/per_page, bare arrays
 * without a total) and the service's own cursors ({@code partners}, at most four a page).
 */
class PaginationTest extends GoldenGraphFixture {
    @Test
    void shouldPageForwardOverOffsetsFromTheEndCursor() {
        Map<String, Object> page = connection("coursesConnection(first: 2, after: \"%s\")".formatted(offset(28)));

        assertThat(page).containsEntry("nodes", List.of(Map.of("id", "c-30")))
                .containsEntry("pageInfo", pageInfo(false, true, offset(29), offset(29)));
        assertThat(services.courses.uris()).containsExactly("/courses?start=29&limit=2");
    }

    @Test
    void shouldPageBackwardOverOffsetsBeforeACursor() {
        Map<String, Object> page = connection("coursesConnection(last: 2, before: \"%s\")".formatted(offset(10)));

        assertThat(page).containsEntry("nodes", List.of(Map.of("id", "c-9"), Map.of("id", "c-10")))
                .containsEntry("pageInfo", pageInfo(true, true, offset(8), offset(9)));
        assertThat(services.courses.uris()).containsExactly("/courses?start=8&limit=2");
    }

    @Test
    void shouldAskForTheTotalFirstWhenPagingBackwardFromTheEnd() {
        Map<String, Object> page = connection("coursesConnection(last: 3)");

        assertThat(page).containsEntry("nodes", List.of(Map.of("id", "c-28"), Map.of("id", "c-29"), Map.of("id", "c-30")))
                .containsEntry("pageInfo", pageInfo(false, true, offset(27), offset(29)));
        assertThat(services.courses.uris()).containsExactly("/courses?start=0&limit=1", "/courses?start=27&limit=3");
    }

    @Test
    void shouldReadAWindowAcrossTwoNumberedPagesWhenItDoesNotStartOnAPageBoundary() {
        Map<String, Object> page = connection("coursesByInstructorIdConnection(instructorId: \"2\", first: 2, after: \"%s\")".formatted(offset(0)));

        assertThat(page).containsEntry("nodes", List.of(Map.of("id", "c-8"), Map.of("id", "c-13")))
                .containsEntry("totalCount", null)
                .containsEntry("pageInfo", pageInfo(true, true, offset(1), offset(2)));
        assertThat(services.courses.uris()).containsExactlyInAnyOrder(
                "/courses?q=byInstructorId&instructorId=2&page=0&per_page=2", "/courses?q=byInstructorId&instructorId=2&page=1&per_page=2");
    }

    @Test
    void shouldPageForwardOverTheServicesCursors() {
        Map<String, Object> first = connection("partnersConnection(first: 2)");
        String endCursor = (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor");
        Map<String, Object> second = connection("partnersConnection(first: 2, after: \"%s\")".formatted(endCursor));

        assertThat(first).containsEntry("nodes", List.of(Map.of("id", "p-1"), Map.of("id", "p-2"))).containsEntry("totalCount", 5);
        assertThat(((Map<?, ?>) first.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
        assertThat(second).containsEntry("nodes", List.of(Map.of("id", "p-3"), Map.of("id", "p-4")));
        assertThat(((Map<?, ?>) second.get("pageInfo")).get("hasPreviousPage")).isEqualTo(true);
        assertThat(services.partners.uris()).containsExactly("/partners?limit=2", "/partners?cursor=after-2&limit=2");
    }

    @Test
    void shouldResumeFromTheMiddleOfAServicePageBySkippingWithinIt() {
        Map<String, Object> first = connection("partnersConnection(first: 2)");
        String startCursor = (String) ((Map<?, ?>) first.get("pageInfo")).get("startCursor");
        services.clear();

        Map<String, Object> next = connection("partnersConnection(first: 2, after: \"%s\")".formatted(startCursor));

        assertThat(next).containsEntry("nodes", List.of(Map.of("id", "p-2"), Map.of("id", "p-3")));
        assertThat(services.partners.uris()).containsExactly("/partners?limit=3");
    }

    @Test
    void shouldRefuseToPageBackwardOverForwardOnlyCursors() {
        ExecutionResult result = graphs.execute("{ partnersConnection(last: 2) { nodes { id } } }");

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).contains("forward only");
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
        assertThat(services.partners.requests()).isEmpty();
    }

    @Test
    void shouldRefuseACursorTheGatewayDidNotIssue() {
        ExecutionResult result = graphs.execute("{ coursesConnection(first: 2, after: \"not a cursor\") { nodes { id } } }");

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        assertThat(result.<Map<String, Object>>getData().get("coursesConnection")).as("the empty connection, so the data is not nulled")
                .isEqualTo(Map.of("nodes", List.of()));
    }

    @Test
    void shouldAnswerPagesOverEachPagingStyle() {
        Map<String, Object> offsets = paged("coursesPaged(page: 7, pageSize: 4)");
        Map<String, Object> numbers = paged("coursesByInstructorIdPaged(instructorId: \"2\", page: 2, pageSize: 2)");
        Map<String, Object> cursors = paged("partnersPaged(page: 1, pageSize: 2)");

        assertThat(offsets).isEqualTo(Map.of("page", 7, "pageCount", 8, "totalCount", 30,
                "items", List.of(Map.of("id", "c-29"), Map.of("id", "c-30"))));
        assertThat(numbers).containsEntry("items", List.of(Map.of("id", "c-25"))).containsEntry("pageCount", 3)
                .containsEntry("totalCount", null);
        assertThat(cursors).isEqualTo(Map.of("page", 1, "pageCount", 3, "totalCount", 5,
                "items", List.of(Map.of("id", "p-3"), Map.of("id", "p-4"))));
        assertThat(services.partners.uris()).containsExactly("/partners?limit=2", "/partners?cursor=after-2&limit=2");
    }

    @Test
    void shouldFollowTheServicesPagesUntilAnAllListIsComplete() {
        ExecutionResult result = graphs.execute("{ partners { id } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, List<?>>>getData().get("partners")).hasSize(FixtureServices.PARTNERS);
        assertThat(services.partners.uris()).containsExactly("/partners?limit=100", "/partners?cursor=after-4&limit=96");
    }

    @Test
    void shouldStopAnAllListAtTheListBound() {
        try (Graphs bounded = new Graphs(services.catalogs(), RestSettings.defaults().withListBound(3))) {
            ExecutionResult result = bounded.execute("{ partners { id } courses { id } }");

            assertThat(result.getErrors()).isEmpty();
            assertThat(result.<Map<String, List<?>>>getData().get("partners")).hasSize(3);
            assertThat(result.<Map<String, List<?>>>getData().get("courses")).hasSize(3);
            assertThat(services.partners.uris()).containsExactly("/partners?limit=3");
            assertThat(services.courses.uris()).containsExactly("/courses?start=0&limit=3");
        }
    }

    @Test
    void shouldTakeAnExplicitNullPageOrPageSizeAsItsDefault() {
        Map<String, Object> page = paged("partnersPaged(page: null, pageSize: null)");

        assertThat(page).containsEntry("page", 0).containsEntry("pageCount", 1).containsEntry("totalCount", 5);
        assertThat(services.partners.uris()).containsExactly("/partners?limit=20");
    }

    private static Map<String, Object> connection(String field) {
        ExecutionResult result = graphs.execute("{ page: %s { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"
                .formatted(field));
        assertThat(result.getErrors()).isEmpty();
        return result.<Map<String, Map<String, Object>>>getData().get("page");
    }

    private static Map<String, Object> paged(String field) {
        ExecutionResult result = graphs.execute("{ page: %s { page pageCount totalCount items { id } } }".formatted(field));
        assertThat(result.getErrors()).isEmpty();
        return result.<Map<String, Map<String, Object>>>getData().get("page");
    }

    private static String offset(long offset) {
        return Base64.getEncoder().encodeToString(Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> pageInfo(boolean hasNext, boolean hasPrevious, String start, String end) {
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("hasNextPage", hasNext);
        info.put("hasPreviousPage", hasPrevious);
        info.put("startCursor", start);
        info.put("endCursor", end);
        return info;
    }
}
