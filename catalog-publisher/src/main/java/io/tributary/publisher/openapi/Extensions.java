package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.ResponseEnvelope;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code x-tributary-*} extensions, which state what conventions cannot: {@code x-tributary-resource}
 * (name, version, key field, description), {@code x-tributary-finder}, {@code x-tributary-action},
 * {@code x-tributary-name}, {@code x-tributary-pagination}, {@code x-tributary-envelope} and
 * {@code x-tributary-relations} (read by {@link RelationExtension}). A malformed value makes the operation unmappable
 * with a message that says what was expected.
 */
final class Extensions {
    static final String RESOURCE = "x-tributary-resource";
    static final String FINDER = "x-tributary-finder";
    static final String ACTION = "x-tributary-action";
    static final String NAME = "x-tributary-name";
    static final String PAGINATION = "x-tributary-pagination";
    static final String ENVELOPE = "x-tributary-envelope";
    static final String RELATIONS = "x-tributary-relations";

    private static final Pattern QUALIFIED = Pattern.compile("([a-z][A-Za-z0-9]*)(?:\\.v([1-9][0-9]*))?");

    private Extensions() {
    }

    /** What {@code x-tributary-resource} says; absent parts are null (version 0). */
    record ResourceExtension(String name, int version, String key, String description) {
    }

    static Optional<ResourceExtension> resource(Map<String, Object> extensions) {
        Object value = get(extensions, RESOURCE);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            Matcher matcher = QUALIFIED.matcher(text);
            if (!matcher.matches()) {
                throw new Unmappable(Category.INVALID, RESOURCE + " '" + text + "' is neither a resource name nor name.vN (partners, partners.v2)");
            }
            return Optional.of(new ResourceExtension(matcher.group(1), matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)), null, null));
        }
        Map<?, ?> map = map(value, RESOURCE, "{name, version, key, description}");
        String name = string(map, "name", RESOURCE);
        if (name != null && !QUALIFIED.matcher(name).matches()) {
            throw new Unmappable(Category.INVALID, RESOURCE + " name '" + name + "' must start with a lower-case letter and hold only letters and digits");
        }
        Object version = map.get("version");
        if (version != null && !(version instanceof Integer v && v >= 1)) {
            throw new Unmappable(Category.INVALID, RESOURCE + " version must be a whole number from 1, was '" + version + "'");
        }
        return Optional.of(new ResourceExtension(name, version == null ? 0 : (Integer) version, string(map, "key", RESOURCE),
                string(map, "description", RESOURCE)));
    }

    /** A name such as a finder's: {@code byOwnerId}. */
    static Optional<String> name(Map<String, Object> extensions, String extension) {
        Object value = get(extensions, extension);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || !Identifiers.isName(text)) {
            throw new Unmappable(Category.INVALID, extension + " must be a name of letters, digits and _, was '" + value + "'");
        }
        return Optional.of(text);
    }

    /** {@code {style: offset|page|cursor|none, position: start, size: limit}}. */
    static Optional<Pagination> pagination(Map<String, Object> extensions) {
        Object value = get(extensions, PAGINATION);
        if (value == null) {
            return Optional.empty();
        }
        if ("none".equals(value)) {
            return Optional.of(Pagination.NONE);
        }
        Map<?, ?> map = map(value, PAGINATION, "{style: offset|page|cursor, position: <parameter>, size: <parameter>}");
        String style = string(map, "style", PAGINATION);
        Pagination.Style parsed;
        try {
            parsed = Pagination.Style.valueOf(String.valueOf(style).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unmappable(Category.INVALID, PAGINATION + " style must be offset, page, cursor or none, was '" + style + "'");
        }
        if (parsed == Pagination.Style.NONE) {
            return Optional.of(Pagination.NONE);
        }
        String position = string(map, "position", PAGINATION);
        String size = string(map, "size", PAGINATION);
        if (position == null || size == null) {
            throw new Unmappable(Category.INVALID, PAGINATION + " needs the names of both paging parameters: position and size");
        }
        return Optional.of(new Pagination(parsed, position, size));
    }

    /** {@code {elements: /data, total: /meta/total, next: /meta/next}}: JSON pointers into the response. */
    static Optional<ResponseEnvelope> envelope(Map<String, Object> extensions) {
        Object value = get(extensions, ENVELOPE);
        if (value == null) {
            return Optional.empty();
        }
        Map<?, ?> map = map(value, ENVELOPE, "{elements: /pointer, total: /pointer, next: /pointer}");
        try {
            return Optional.of(new ResponseEnvelope(string(map, "elements", ENVELOPE), string(map, "total", ENVELOPE),
                    string(map, "next", ENVELOPE)));
        } catch (IllegalArgumentException e) {
            throw new Unmappable(Category.INVALID, ENVELOPE + ": " + e.getMessage());
        }
    }

    static Object get(Map<String, Object> extensions, String extension) {
        return extensions == null ? null : extensions.get(extension);
    }

    static Map<?, ?> map(Object value, String extension, String expected) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Unmappable(Category.INVALID, extension + " must be an object " + expected + ", was '" + value + "'");
        }
        return map;
    }

    static String string(Map<?, ?> map, String key, String extension) {
        Object value = map.get(key);
        if (value != null && !(value instanceof String)) {
            throw new Unmappable(Category.INVALID, extension + " " + key + " must be a string, was '" + value + "'");
        }
        return (String) value;
    }
}
