package io.tributary.gateway.rest.fetch;

import io.tributary.catalog.ResponseEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation's response envelope with its JSON pointers split once per view, read over the maps and lists a
 * response was parsed into: the elements, the total and the next position.
 */
final class Envelope {
    private final String[] elements;
    private final String[] total;
    private final String[] next;

    private Envelope(String[] elements, String[] total, String[] next) {
        this.elements = elements;
        this.total = total;
        this.next = next;
    }

    static Envelope of(ResponseEnvelope envelope) {
        return new Envelope(tokens(envelope.elements()), tokens(envelope.total()), tokens(envelope.next()));
    }

    /** Whether the service says where the next page starts; without it, a full page may have more after it. */
    boolean hasNextPointer() {
        return next != null;
    }

    /** The elements of a list answer; a lone object counts as one element. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> elements(Object body) {
        Object at = resolve(body, elements);
        if (at instanceof List<?> list) {
            List<Map<String, Object>> maps = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    maps.add((Map<String, Object>) map);
                }
            }
            return maps;
        }
        if (at instanceof Map<?, ?> map) {
            return List.of((Map<String, Object>) map);
        }
        return List.of();
    }

    /** Whatever the answer holds where its elements are: any JSON value, as an operation field answers it. */
    Object value(Object body) {
        return resolve(body, elements);
    }

    /** The one element of a single answer: the body, or the first of its elements. */
    @SuppressWarnings("unchecked")
    Map<String, Object> element(Object body) {
        Object at = resolve(body, elements);
        if (at instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (at instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first) {
            return (Map<String, Object>) first;
        }
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return null;
    }

    /** How many elements there are in all, or null when the service does not say. */
    Long total(Object body) {
        if (total == null) {
            return null;
        }
        Object value = resolve(body, total);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Where the next page starts (an offset or a cursor), or null on the last page or when the service does not say. */
    String next(Object body) {
        if (next == null) {
            return null;
        }
        Object value = resolve(body, next);
        return value == null ? null : String.valueOf(value);
    }

    private static Object resolve(Object body, String[] pointer) {
        if (pointer == null) {
            return body;
        }
        Object at = body;
        for (String token : pointer) {
            if (at instanceof Map<?, ?> map) {
                at = map.get(token);
            } else if (at instanceof List<?> list && isIndex(token) && Integer.parseInt(token) < list.size()) {
                at = list.get(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return at;
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
    }

    /** The reference tokens of an RFC 6901 pointer; null for the empty pointer (the whole body). */
    private static String[] tokens(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        String[] tokens = pointer.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i].replace("~1", "/").replace("~0", "~");
        }
        return tokens;
    }
}
