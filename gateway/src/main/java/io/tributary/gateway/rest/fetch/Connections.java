package io.tributary.gateway.rest.fetch;

import io.tributary.catalog.Pagination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a Relay connection ({@code first/after/last/before}) from a paged list operation: over offset and page
 * paging any window can be asked for (cursors are offsets); over cursor paging the connection pages forward, each
 * cursor naming the service's cursor of a page and a position in it. {@code totalCount} is the service's total.
 */
final class Connections {
    private Connections() {
    }

    /** The connection arguments of a field. */
    record Window(Integer first, String after, Integer last, String before) {
        Window {
            if (first != null && first < 0 || last != null && last < 0) {
                throw new InvalidArgumentException("'first' and 'last' must not be negative");
            }
        }
    }

    /** The connection of no elements, what a failed connection field answers. */
    static Map<String, Object> empty() {
        return connection(List.of(), List.of(), false, false, null);
    }

    static CompletableFuture<Map<String, Object>> fetch(PagedCall call, Window window, int bound) {
        return call.style() == Pagination.Style.CURSOR ? forward(call, window, bound) : offsets(call, window, bound);
    }

    private static CompletableFuture<Map<String, Object>> offsets(PagedCall call, Window window, int bound) {
        long low = window.after() == null ? 0 : Cursors.offset(window.after()) + 1;
        Long before = window.before() == null ? null : Cursors.offset(window.before());
        boolean fromEnd = window.last() != null && window.first() == null;
        CompletableFuture<Long> high = fromEnd && before == null ? call.total() : CompletableFuture.completedFuture(before);
        return high.thenCompose(end -> {
            long start;
            long count;
            if (fromEnd) {
                start = Math.max(low, end - window.last());
                count = end - start;
            } else {
                start = low;
                count = window.first() != null ? window.first() : bound;
                if (end != null) {
                    count = Math.min(count, end - low);
                }
            }
            int size = Math.clamp(count, 0, Integer.MAX_VALUE);
            return call.window(start, size).thenApply(page -> {
                List<Map<String, Object>> elements = page.elements();
                long first = start;
                if (window.first() != null && window.last() != null && elements.size() > window.last()) {
                    first += elements.size() - window.last();
                    elements = elements.subList(elements.size() - window.last(), elements.size());
                }
                long after = first + elements.size();
                boolean more = page.total() != null ? after < page.total()
                        : page.next() != null || !call.envelope().hasNextPointer() && page.elements().size() >= size && size > 0;
                boolean hasNext = more || end != null && after < end;
                List<String> cursors = new ArrayList<>(elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    cursors.add(Cursors.offset(first + i));
                }
                return connection(elements, cursors, hasNext, first > 0, page.total());
            });
        });
    }

    private static CompletableFuture<Map<String, Object>> forward(PagedCall call, Window window, int bound) {
        if (window.last() != null || window.before() != null) {
            throw new InvalidArgumentException("this connection pages forward only, as its service does: use 'first' and 'after'");
        }
        Cursors.Position position = window.after() == null ? Cursors.Position.START : Cursors.position(window.after());
        int count = window.first() != null ? window.first() : bound;
        int skip = position.skip();
        return call.at(position.serviceCursor(), Math.max(1, skip + count)).thenApply(page -> {
            List<Map<String, Object>> all = page.elements();
            int from = Math.min(skip, all.size());
            int to = Math.min(all.size(), from + count);
            List<Map<String, Object>> elements = all.subList(from, to);
            List<String> cursors = new ArrayList<>(elements.size());
            for (int i = from; i < to; i++) {
                boolean endOfPage = i == all.size() - 1 && page.next() != null;
                cursors.add(endOfPage ? Cursors.position(page.next(), 0) : Cursors.position(position.serviceCursor(), i + 1));
            }
            boolean hasNext = to < all.size() || page.next() != null;
            boolean hasPrevious = position.serviceCursor() != null || from > 0;
            return connection(elements, cursors, hasNext, hasPrevious, page.total());
        });
    }

    private static Map<String, Object> connection(List<Map<String, Object>> nodes, List<String> cursors, boolean hasNext,
                                                  boolean hasPrevious, Long total) {
        List<Map<String, Object>> edges = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(Map.of("node", nodes.get(i), "cursor", cursors.get(i)));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", hasPrevious);
        pageInfo.put("startCursor", cursors.isEmpty() ? null : cursors.getFirst());
        pageInfo.put("endCursor", cursors.isEmpty() ? null : cursors.getLast());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", nodes);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", total);
        return connection;
    }
}
