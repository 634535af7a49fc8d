package io.tributary.publisher.openapi;

import io.tributary.catalog.Pagination;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises how a list operation pages from its query parameters: a cursor ({@code cursor}, {@code after},
 * {@code pageToken}) with a size, an offset ({@code start} or {@code offset}) with {@code limit}, or a page number
 * ({@code page}) with {@code pageSize}, {@code page_size}, {@code per_page}, {@code size} or {@code limit}.
 */
final class PagingConventions {
    private static final List<String> CURSORS = List.of("cursor", "after", "pageToken", "page_token");
    private static final List<String> OFFSETS = List.of("start", "offset");
    private static final List<String> SIZES = List.of("limit", "pageSize", "page_size", "per_page", "perPage", "size");

    private PagingConventions() {
    }

    static Pagination detect(Set<String> queryParameters) {
        return first(CURSORS, queryParameters).flatMap(cursor -> first(SIZES, queryParameters)
                        .map(size -> new Pagination(Pagination.Style.CURSOR, cursor, size)))
                .or(() -> first(OFFSETS, queryParameters).filter(o -> queryParameters.contains("limit"))
                        .map(offset -> new Pagination(Pagination.Style.OFFSET, offset, "limit")))
                .or(() -> Optional.of("page").filter(queryParameters::contains).flatMap(page -> first(SIZES, queryParameters)
                        .map(size -> new Pagination(Pagination.Style.PAGE, page, size))))
                .orElse(Pagination.NONE);
    }

    private static Optional<String> first(List<String> names, Set<String> present) {
        return names.stream().filter(present::contains).findFirst();
    }
}
