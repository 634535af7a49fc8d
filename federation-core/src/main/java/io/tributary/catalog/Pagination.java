package io.tributary.catalog;

import java.util.Objects;

/**
 * How a list operation pages, and the names of the two query parameters it pages with: offset ({@code start},
 * {@code limit}), page number ({@code page}, {@code pageSize}) or cursor ({@code cursor}, {@code limit}).
 */
public record Pagination(Style style, String positionParameter, String sizeParameter) {

    /** The paging styles the gateway can translate to Relay connections and {@code Paged} results. */
    public enum Style { NONE, OFFSET, PAGE, CURSOR }

    public static final Pagination NONE = new Pagination(Style.NONE, "", "");
    public static final Pagination OFFSET = new Pagination(Style.OFFSET, "start", "limit");
    public static final Pagination PAGE = new Pagination(Style.PAGE, "page", "pageSize");
    public static final Pagination CURSOR = new Pagination(Style.CURSOR, "cursor", "limit");

    public Pagination {
        Objects.requireNonNull(style, "style");
        positionParameter = positionParameter == null ? "" : positionParameter;
        sizeParameter = sizeParameter == null ? "" : sizeParameter;
        if (style != Style.NONE && (positionParameter.isBlank() || sizeParameter.isBlank())) {
            throw new InvalidCatalogException(style + " pagination needs both parameter names");
        }
    }

    public boolean isPaged() {
        return style != Style.NONE;
    }
}
