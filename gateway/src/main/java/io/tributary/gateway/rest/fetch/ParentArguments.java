package io.tributary.gateway.rest.fetch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call a relation makes for one parent, from templates such as {@code courseId = $id} or
 * {@code username = $owner.username} (a dotted path of properties); text without {@code $} is a constant. Reverse
 * and call relations fill their arguments this way.
 */
final class ParentArguments {
    private ParentArguments() {
    }

    /** The parent's properties the templates start from, which a narrowed parent call must keep. */
    static List<String> needs(Map<String, String> templates) {
        return templates.values().stream().filter(t -> t.startsWith("$")).map(t -> t.substring(1).split("\\.", 2)[0])
                .distinct().sorted().toList();
    }

    /** The arguments for this parent, by parameter name; null when the parent lacks a value they need. */
    static Map<String, Object> of(Map<String, String> templates, Map<String, Object> parent) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String text = template.getValue();
            Object value = text.startsWith("$") ? at(parent, text.substring(1)) : text;
            if (value == null) {
                return null;
            }
            arguments.put(template.getKey(), value instanceof List<?> ? value : String.valueOf(value));
        }
        return arguments;
    }

    /** The value at a dotted path of properties, {@code owner.username}; null when any step is missing. */
    private static Object at(Map<String, Object> parent, String path) {
        Object value = parent;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }
}
