package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.tributary.catalog.BodyEncoding;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway can send as an operation's request body: JSON of any schema, else a URL-encoded form of an object
 * whose properties are scalars, lists of scalars or free-form values (a form has no way to nest, so the gateway
 * writes a free-form value as JSON text, as forms that take one, such as Twilio's flow {@code Definition}, expect).
 * Any other body refuses the operation: sent without its form or file, even one whose body is optional would do
 * nothing useful.
 */
final class RequestBodies {
    static final String FORM = "application/x-www-form-urlencoded";

    /** A body the gateway can send: its schema, and how it is written. */
    record Sendable(Schema<?> schema, BodyEncoding encoding) {
    }

    private RequestBodies() {
    }

    /** The body to send; empty for an optional body without content. */
    static Optional<Sendable> of(RequestBody body, Components components) {
        Schema<?> json = ResponseShapes.jsonSchema(body.getContent());
        if (json != null) {
            return Optional.of(new Sendable(json, BodyEncoding.JSON));
        }
        Schema<?> form = formSchema(body.getContent());
        if (form != null) {
            requireFlat(form, components);
            return Optional.of(new Sendable(form, BodyEncoding.FORM));
        }
        if (!Boolean.TRUE.equals(body.getRequired()) && (body.getContent() == null || body.getContent().isEmpty())) {
            return Optional.empty();
        }
        throw new Unmappable(isBinary(body) ? Category.BINARY_UPLOAD : Category.NON_JSON, "its request body is "
                + (body.getContent() == null ? "without content" : body.getContent().keySet()) + ", but the gateway sends JSON or a URL-encoded form");
    }

    private static Schema<?> formSchema(Content content) {
        if (content == null) {
            return null;
        }
        return content.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith(FORM))
                .map(Map.Entry::getValue)
                .map(MediaType::getSchema)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** A form is one level of name=value pairs: an object of scalars, lists of scalars and free-form values. */
    private static void requireFlat(Schema<?> form, Components components) {
        Map<String, Schema<?>> properties = JsonSchemas.properties(components.resolve(form), components);
        if (properties.isEmpty()) {
            throw new Unmappable(Category.NON_JSON, "its request body is a form without properties, " + SchemaTranslator.describe(form)
                    + ", so nothing says what the form holds");
        }
        properties.forEach((name, property) -> {
            Schema<?> resolved = components.resolve(property);
            Schema<?> value = JsonSchemas.isArray(resolved) && resolved.getItems() != null ? components.resolve(resolved.getItems()) : resolved;
            if ("binary".equals(value.getFormat())) {
                throw new Unmappable(Category.BINARY_UPLOAD, "its form property '" + name + "' is a file");
            }
            if (JsonSchemas.isObject(value) && !JsonSchemas.properties(value, components).isEmpty()) {
                throw new Unmappable(Category.NON_JSON, "its form property '" + name + "' is an object with properties, which a form"
                        + " writes in a way of its own; the gateway writes form properties as scalars, lists of scalars and JSON text");
            }
        });
    }

    /** A file: multipart, octet-stream, or a schema of format binary. */
    private static boolean isBinary(RequestBody body) {
        return body.getContent() != null && body.getContent().entrySet().stream().anyMatch(e -> e.getKey().startsWith("multipart/")
                || e.getKey().equals("application/octet-stream")
                || (e.getValue().getSchema() != null && "binary".equals(e.getValue().getSchema().getFormat())));
    }
}
