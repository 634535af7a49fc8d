package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a {@code Paged} result ({@code page}, {@code pageSize}; 0-based pages) from a paged list operation: one
 * call over offset and page paging; over cursor paging the pages before it are walked, since a service cursor
 * cannot jump. {@code pageCount} follows from the service's total, or, without one, from whether more follow.
 */
final class Pages {
    private Pages() {
    }

    /** The field's {@code page}; 0 when the client leaves it out or sends null. */
    static int page(DataFetchingEnvironment env) {
        Integer page = env.getArgument("page");
        return page == null ? 0 : page;
    }

    /** The field's {@code pageSize}; 20 when the client leaves it out or sends null. */
    static int pageSize(DataFetchingEnvironment env) {
        Integer pageSize = env.getArgument("pageSize");
        return pageSize == null ? 20 : pageSize;
    }

    /** The page of no elements, what a failed {@code Paged} field answers. */
    static Map<String, Object> empty(int page) {
        return paged(List.of(), page, 0, null);
    }

    static CompletableFuture<Map<String, Object>> fetch(PagedCall call, int page, int pageSize) {
        if (page < 0 || pageSize < 1) {
            throw new InvalidArgumentException("'page' must be 0 or more and 'pageSize' 1 or more");
        }
        CompletableFuture<Page> answer = switch (call.style()) {
            case OFFSET -> call.window((long) page * pageSize, pageSize);
            case PAGE -> call.at(Integer.toString(page), pageSize);
            case CURSOR -> walk(call, null, page, pageSize);
            case NONE -> call.at(null, pageSize);
        };
        return answer.thenApply(found -> {
            boolean more = found.next() != null || !call.envelope().hasNextPointer() && found.elements().size() >= pageSize;
            int pageCount = found.total() != null ? (int) ((found.total() + pageSize - 1) / pageSize)
                    : found.elements().isEmpty() ? page : more ? page + 2 : page + 1;
            return paged(found.elements(), page, pageCount, found.total());
        });
    }

    private static CompletableFuture<Page> walk(PagedCall call, String cursor, int pagesLeft, int pageSize) {
        return call.at(cursor, pageSize).thenCompose(found -> {
            if (pagesLeft == 0) {
                return CompletableFuture.completedFuture(found);
            }
            if (found.next() == null) {
                return CompletableFuture.completedFuture(new Page(List.of(), found.total(), null));
            }
            return walk(call, found.next(), pagesLeft - 1, pageSize);
        });
    }

    private static Map<String, Object> paged(List<Map<String, Object>> items, int page, int pageCount, Long total) {
        Map<String, Object> paged = new LinkedHashMap<>();
        paged.put("items", items);
        paged.put("page", page);
        paged.put("pageCount", pageCount);
        paged.put("totalCount", total);
        return paged;
    }
}
