package io.tributary.gateway.rest.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.gateway.GatewayJson;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a body value as {@code application/x-www-form-urlencoded}, as OpenAPI's defaults for a form say: each
 * property a {@code name=value} pair, a list of scalars its name once per element ({@code tags=a&tags=b}); a value
 * with no form of its own (an object, a list of objects) is written as JSON text; a null property is left out.
 * A body must be an object: the catalog's publisher maps only forms of objects.
 */
final class FormEncoding {
    private FormEncoding() {
    }

    /** The form of an object's properties; an absent body (an optional one not given) is the empty form. */
    static byte[] encode(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (!(body instanceof Map<?, ?> properties)) {
            throw new IllegalArgumentException("a form body is an object of properties, was " + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        StringBuilder form = new StringBuilder();
        properties.forEach((name, value) -> {
            if (value instanceof List<?> list && list.stream().allMatch(FormEncoding::isScalar)) {
                list.forEach(element -> pair(form, String.valueOf(name), text(element)));
            } else if (value != null) {
                pair(form, String.valueOf(name), text(value));
            }
        });
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value == null || isScalar(value)) {
            return String.valueOf(value);
        }
        try {
            return GatewayJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a form value as JSON text", e);
        }
    }

    private static void pair(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
