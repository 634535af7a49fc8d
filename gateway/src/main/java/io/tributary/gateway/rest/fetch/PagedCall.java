package io.tributary.gateway.rest.fetch;

import io.tributary.catalog.Pagination;
import io.tributary.gateway.rest.client.DownstreamException;
import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.fetch.OperationTemplate.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Calls one list operation (a GET_ALL or a finder with its arguments) page by page in the operation's own paging
 * style: {@code start/limit} offsets, {@code page/pageSize} numbers, or the service's cursors. Offsets and windows
 * are the gateway's common language; this class translates them into the style's parameters.
 */
final class PagedCall {
    private final RequestScope scope;
    private final ServiceTarget target;
    private final OperationTemplate operation;
    private final Map<String, ?> values;
    private final List<QueryParam> fields;

    PagedCall(RequestScope scope, ServiceTarget target, OperationTemplate operation, Map<String, ?> values, List<String> fields) {
        this.scope = scope;
        this.target = target;
        this.operation = operation;
        this.values = values;
        this.fields = fields == null ? List.of() : List.of(QueryParam.list("fields", fields));
    }

    Pagination.Style style() {
        return operation.pagination().style();
    }

    Envelope envelope() {
        return operation.envelope();
    }

    /** One page at a position in the operation's style (an offset, a page number or a service cursor; null for the first page) holding at most {@code size} elements. */
    CompletableFuture<Page> at(String position, int size) {
        Pagination pagination = operation.pagination();
        List<QueryParam> extra = new ArrayList<>(3);
        switch (pagination.style()) {
            case OFFSET, PAGE -> {
                extra.add(QueryParam.of(pagination.positionParameter(), position == null ? "0" : position));
                extra.add(QueryParam.of(pagination.sizeParameter(), size));
            }
            case CURSOR -> {
                if (position != null) {
                    extra.add(QueryParam.of(pagination.positionParameter(), position));
                }
                extra.add(QueryParam.of(pagination.sizeParameter(), size));
            }
            case NONE -> {
            }
        }
        extra.addAll(fields);
        RestRequest request = operation.request(values, extra);
        return scope.send(target, request).thenApply(response -> {
            if (response.isNotFound()) {
                throw DownstreamException.status(target.service(), request.method(), java.net.URI.create(request.target()), 404, "");
            }
            Object body = response.json();
            return new Page(operation.envelope().elements(body), operation.envelope().total(body), operation.envelope().next(body));
        });
    }

    /**
     * The elements from {@code start} on, at most {@code count} of them (a page with none still reports the total).
     * Over page numbers a window that does not start on a page boundary takes two pages.
     */
    CompletableFuture<Page> window(long start, int count) {
        int size = Math.max(count, 1);
        if (style() != Pagination.Style.PAGE) {
            return at(Long.toString(start), size).thenApply(page -> trimmed(page, 0, count));
        }
        long first = start / size;
        int skip = (int) (start % size);
        if (skip == 0) {
            return at(Long.toString(first), size).thenApply(page -> trimmed(page, 0, count));
        }
        return at(Long.toString(first), size).thenCombine(at(Long.toString(first + 1), size), (a, b) -> {
            List<Map<String, Object>> both = new ArrayList<>(a.elements());
            both.addAll(b.elements());
            return trimmed(new Page(both, a.total() != null ? a.total() : b.total(), b.next()), skip, count);
        });
    }

    /** How many elements there are in all, from the smallest page the service answers; fails when the service does not say. */
    CompletableFuture<Long> total() {
        return at(null, 1).thenApply(page -> {
            if (page.total() == null) {
                throw new InvalidArgumentException("the service does not say how many elements there are, so 'last' needs 'before'");
            }
            return page.total();
        });
    }

    /** Every element, up to {@code bound}: pages followed while the service says there are more. */
    CompletableFuture<List<Map<String, Object>>> all(int bound) {
        return all(bound, bound);
    }

    /** Every element, up to {@code bound}, asking for at most {@code pageSize} a call. */
    CompletableFuture<List<Map<String, Object>>> all(int bound, int pageSize) {
        String start = style() == Pagination.Style.CURSOR ? null : "0";
        return walk(start, bound, Math.min(bound, pageSize), new ArrayList<>());
    }

    private CompletableFuture<List<Map<String, Object>>> walk(String position, int bound, int pageSize,
                                                              List<Map<String, Object>> collected) {
        int size = style() == Pagination.Style.PAGE ? pageSize : Math.min(pageSize, bound - collected.size());
        return at(position, size).thenCompose(page -> {
            for (Map<String, Object> element : page.elements()) {
                if (collected.size() < bound) {
                    collected.add(element);
                }
            }
            if (style() == Pagination.Style.NONE || collected.size() >= bound || page.next() == null || page.elements().isEmpty()) {
                return CompletableFuture.completedFuture(collected);
            }
            String next = style() == Pagination.Style.PAGE ? Long.toString(Long.parseLong(position) + 1) : page.next();
            return walk(next, bound, pageSize, collected);
        });
    }

    private static Page trimmed(Page page, int skip, int count) {
        List<Map<String, Object>> elements = page.elements();
        int from = Math.min(skip, elements.size());
        int to = Math.min(elements.size(), from + count);
        return from == 0 && to == elements.size() ? page : new Page(elements.subList(from, to), page.total(), page.next());
    }
}
