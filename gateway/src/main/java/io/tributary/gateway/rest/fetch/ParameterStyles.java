package io.tributary.gateway.rest.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Style;
import io.tributary.gateway.GatewayJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a parameter's value the way its catalog says, by OpenAPI's {@code style} and {@code explode}: a list
 * {@code [a, b]} as {@code ids=a&ids=b} (form, explode), {@code ids=a,b} (form), {@code a%20b} (spaceDelimited),
 * {@code a%7Cb} (pipeDelimited), {@code .a.b} (label), {@code ;ids=a,b} (matrix); an object {@code {k: v}} as
 * {@code k=v} (form, explode) or {@code name[k]=v} (deepObject). Query, path and cookie values are percent-encoded,
 * each element on its own, so a comma inside one stays apart from the commas between them; an element that is itself
 * a list or an object travels as JSON.
 */
final class ParameterStyles {
    private ParameterStyles() {
    }

    /** The {@code name=value} pairs of a query parameter, encoded and joined with {@code &}. */
    static String query(Parameter parameter, Object value) {
        String name = encode(parameter.wireName());
        if (value instanceof Map<?, ?> object) {
            List<String> pairs = pairs(object);
            return switch (parameter.style()) {
                case DEEP_OBJECT -> joinPairs(object, (key, text) -> encode(parameter.wireName() + "[" + key + "]") + "=" + encode(text), "&");
                case FORM -> parameter.explode() ? joinPairs(object, (key, text) -> encode(key) + "=" + encode(text), "&")
                        : name + "=" + joinEncoded(pairs, ",");
                case SPACE_DELIMITED -> name + "=" + joinEncoded(pairs, "%20");
                case PIPE_DELIMITED -> name + "=" + joinEncoded(pairs, "%7C");
                default -> throw unsupported(parameter);
            };
        }
        if (value instanceof List<?> list) {
            List<String> texts = texts(list);
            if (parameter.explode() && parameter.style() != Style.DEEP_OBJECT) {
                List<String> pairs = new ArrayList<>();
                texts.forEach(text -> pairs.add(name + "=" + encode(text)));
                return String.join("&", pairs);
            }
            return name + "=" + joinEncoded(texts, switch (parameter.style()) {
                case SPACE_DELIMITED -> "%20";
                case PIPE_DELIMITED -> "%7C";
                default -> ",";
            });
        }
        return name + "=" + encode(text(value));
    }

    /** The text that replaces {@code {name}} in the path: encoded, with the style's prefix. */
    static String path(Parameter parameter, Object value) {
        String prefix = switch (parameter.style()) {
            case LABEL -> ".";
            case MATRIX -> ";" + encode(parameter.wireName()) + "=";
            default -> "";
        };
        if (value instanceof Map<?, ?> object) {
            if (parameter.explode()) {
                String separator = parameter.style() == Style.LABEL ? "." : parameter.style() == Style.MATRIX ? ";" : ",";
                return (parameter.style() == Style.SIMPLE ? "" : separator)
                        + joinPairs(object, (key, text) -> encode(key) + "=" + encode(text), separator);
            }
            return prefix + joinEncoded(pairs(object), ",");
        }
        if (value instanceof List<?> list) {
            if (parameter.explode() && parameter.style() != Style.SIMPLE) {
                String separator = parameter.style() == Style.LABEL ? "." : ";" + encode(parameter.wireName()) + "=";
                return prefix + joinEncoded(texts(list), separator);
            }
            return prefix + joinEncoded(texts(list), ",");
        }
        return prefix + encode(segment(parameter.name(), text(value)));
    }

    /** A header's value, simple style: {@code a,b}, {@code k,v} or {@code k=v}; a line break in it is the client's mistake. */
    static String header(Parameter parameter, Object value) {
        String written;
        if (value instanceof Map<?, ?> object) {
            written = parameter.explode() ? joinPairs(object, (key, text) -> key + "=" + text, ",") : String.join(",", pairs(object));
        } else if (value instanceof List<?> list) {
            written = String.join(",", texts(list));
        } else {
            written = text(value);
        }
        if (written.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new InvalidArgumentException("the value of " + parameter.name() + " cannot contain a line break; it travels in a header");
        }
        return written;
    }

    /** A cookie's {@code name=value} pairs, form style, joined with {@code ; } as a Cookie header joins them. */
    static String cookie(Parameter parameter, Object value) {
        String name = parameter.wireName();
        if (value instanceof Map<?, ?> object) {
            return parameter.explode() ? joinPairs(object, (key, text) -> encode(key) + "=" + encode(text), "; ")
                    : name + "=" + joinEncoded(pairs(object), ",");
        }
        if (value instanceof List<?> list) {
            if (parameter.explode()) {
                List<String> pairs = new ArrayList<>();
                texts(list).forEach(text -> pairs.add(name + "=" + encode(text)));
                return String.join("; ", pairs);
            }
            return name + "=" + joinEncoded(texts(list), ",");
        }
        return name + "=" + encode(text(value));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as text: scalars as they print, lists and objects as JSON. */
    static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return GatewayJson.MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write a parameter as JSON", e);
            }
        }
        return String.valueOf(value);
    }

    /** A path value that would name another resource once the service normalizes the path is the client's mistake. */
    private static String segment(String name, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new InvalidArgumentException("'" + value + "' is not a valid " + name + ": it cannot be empty, '.' or '..'");
        }
        return value;
    }

    private static InvalidArgumentException unsupported(Parameter parameter) {
        return new InvalidArgumentException(parameter.name() + " takes no object in the " + parameter.style() + " style");
    }

    private static List<String> texts(List<?> list) {
        List<String> texts = new ArrayList<>(list.size());
        list.forEach(element -> texts.add(text(element)));
        return texts;
    }

    /** An object's keys and values in turn: {@code k1, v1, k2, v2}, nulls left out. */
    private static List<String> pairs(Map<?, ?> object) {
        List<String> pairs = new ArrayList<>();
        object.forEach((key, value) -> {
            if (value != null) {
                pairs.add(String.valueOf(key));
                pairs.add(text(value));
            }
        });
        return pairs;
    }

    private static String joinPairs(Map<?, ?> object, java.util.function.BiFunction<String, String, String> pair, String separator) {
        List<String> written = new ArrayList<>();
        object.forEach((key, value) -> {
            if (value != null) {
                written.add(pair.apply(String.valueOf(key), text(value)));
            }
        });
        return String.join(separator, written);
    }

    private static String joinEncoded(List<String> texts, String separator) {
        List<String> encoded = new ArrayList<>(texts.size());
        texts.forEach(text -> encoded.add(encode(text)));
        return String.join(separator, encoded);
    }
}
