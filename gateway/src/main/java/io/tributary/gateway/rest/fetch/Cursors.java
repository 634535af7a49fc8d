package io.tributary.gateway.rest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursors of Relay connections. Over offset and page paging a cursor is the base64 of an element's
 * offset; over cursor paging it is the base64 of the service's cursor of a page and how many elements of that page
 * come before the next one to return.
 */
final class Cursors {
    private Cursors() {
    }

    /** A position in a cursor-paged list: the service's cursor of a page (null for the first page) and how many of its elements to skip. */
    record Position(String serviceCursor, int skip) {
        static final Position START = new Position(null, 0);
    }

    static String offset(long offset) {
        return Base64.getEncoder().encodeToString(Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    }

    static long offset(String cursor) {
        try {
            long offset = Long.parseLong(decode(cursor));
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(cursor);
    }

    static String position(String serviceCursor, int skip) {
        String text = skip + ":" + (serviceCursor == null ? "" : serviceCursor);
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position position(String cursor) {
        String text = decode(cursor);
        int colon = text.indexOf(':');
        try {
            int skip = colon < 0 ? -1 : Integer.parseInt(text.substring(0, colon));
            if (skip >= 0) {
                String serviceCursor = text.substring(colon + 1);
                return new Position(serviceCursor.isEmpty() ? null : serviceCursor, skip);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(cursor);
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
    }

    private static InvalidArgumentException invalid(String cursor) {
        return new InvalidArgumentException("'" + cursor + "' is not a cursor of this connection");
    }
}
