package io.tributary.catalog;

/**
 * Where the answer sits in an operation's JSON response, as JSON pointers: the elements (the empty pointer when the
 * body itself is the element or a bare array), the total count and the next cursor or offset (empty when absent).
 */
public record ResponseEnvelope(String elements, String total, String next) {

    /** The body is the answer: an object for GET, a bare array for lists. */
    public static final ResponseEnvelope BARE = new ResponseEnvelope("", "", "");
    /** Naptime's {@code {"elements": [...], "paging": {"next": ..., "total": N}}}. */
    public static final ResponseEnvelope NAPTIME = new ResponseEnvelope("/elements", "/paging/total", "/paging/next");

    public ResponseEnvelope {
        elements = pointer(elements, "elements");
        total = pointer(total, "total");
        next = pointer(next, "next");
    }

    private static String pointer(String value, String what) {
        String pointer = value == null ? "" : value;
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new InvalidCatalogException("the " + what + " pointer of a response envelope must be empty or start with '/', was '" + value + "'");
        }
        return pointer;
    }
}
