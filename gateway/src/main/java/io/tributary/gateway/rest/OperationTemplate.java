package io.tributary.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * One operation of a catalog, split once per view into what each call fills in: the path template's literal parts
 * and variables, the query and body parameters, how the body is built, and the envelope its answer comes in. A
 * finder or action whose path does not end in its name is selected Naptime's way, with {@code q=name} or
 * {@code action=name}.
 * <p>Body rule: a lone BODY parameter whose schema is a record, or the lone BODY parameter of an operation field
 * (whatever its schema), is the whole JSON body; otherwise the BODY parameters are the properties of one JSON object.
 */
final class OperationTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** How the JSON body of a call is made from its BODY parameters. */
    enum BodyMode { NONE, WHOLE, PROPERTIES }

    /** One {@code name=value} pair the gateway adds to the query string itself (paging, projection), its value already encoded. */
    record QueryParam(String name, String encodedValue) {
        static QueryParam of(String name, Object value) {
            return new QueryParam(name, encode(String.valueOf(value)));
        }

        /** A comma-separated list, {@code fields=id,title}. */
        static QueryParam list(String name, List<String> values) {
            return new QueryParam(name, String.join(",", values.stream().map(OperationTemplate::encode).toList()));
        }
    }

    private final Operation operation;
    private final String method;
    private final List<Object> pathParts;
    private final List<Parameter> queryParameters;
    private final List<Parameter> bodyParameters;
    private final BodyMode bodyMode;
    private final String selector;
    private final Envelope envelope;

    private OperationTemplate(Operation operation) {
        this.operation = operation;
        this.method = operation.httpMethod().toUpperCase(Locale.ROOT);
        this.pathParts = parts(operation.path());
        this.queryParameters = operation.parameters().stream().filter(p -> p.location() == Parameter.Location.QUERY).toList();
        this.bodyParameters = operation.parameters().stream().filter(p -> p.location() == Parameter.Location.BODY).toList();
        this.bodyMode = bodyParameters.isEmpty() ? BodyMode.NONE
                : bodyParameters.size() == 1 && (operation.kind() == OperationKind.CALL
                        || nonNull(bodyParameters.getFirst().schema()).getType() == Schema.Type.RECORD)
                ? BodyMode.WHOLE : BodyMode.PROPERTIES;
        this.selector = selector(operation);
        this.envelope = Envelope.of(operation.envelope());
    }

    static OperationTemplate of(Operation operation) {
        return new OperationTemplate(operation);
    }

    Operation operation() {
        return operation;
    }

    OperationKind kind() {
        return operation.kind();
    }

    Pagination pagination() {
        return operation.pagination();
    }

    Envelope envelope() {
        return envelope;
    }

    boolean projection() {
        return operation.projection();
    }

    BodyMode bodyMode() {
        return bodyMode;
    }

    /** The name of the lone record BODY parameter when the body is that record, else null. */
    String wholeBodyParameter() {
        return bodyMode == BodyMode.WHOLE ? bodyParameters.getFirst().name() : null;
    }

    /** The first PATH parameter, {@code id} in {@code /courses/{id}}; null when the path has none. */
    String pathParameter() {
        return operation.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).map(Parameter::name)
                .findFirst().orElse(null);
    }

    /** The first QUERY parameter, {@code ids} of a MULTI_GET; null when there is none. */
    String queryParameter() {
        return queryParameters.isEmpty() ? null : queryParameters.getFirst().name();
    }

    /** Whether a query parameter takes a list ({@code courseIds=a,b}): an Avro array, possibly nullable. */
    boolean acceptsList(String parameter) {
        return queryParameters.stream().anyMatch(p -> p.name().equals(parameter) && nonNull(p.schema()).getType() == Schema.Type.ARRAY);
    }

    /** The request for these REST parameter values (by catalog name) and the pairs the gateway adds to the query. */
    RestRequest request(Map<String, ?> values, List<QueryParam> extra) {
        StringBuilder target = new StringBuilder(64);
        for (Object part : pathParts) {
            if (part instanceof PathVariable(String name)) {
                Object value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for the path parameter " + name + " of " + operation.httpMethod()
                            + " " + operation.path());
                }
                target.append(encode(segment(name, text(value))));
            } else {
                target.append((String) part);
            }
        }
        char separator = '?';
        if (selector != null) {
            target.append(separator).append(selector);
            separator = '&';
        }
        for (Parameter parameter : queryParameters) {
            Object value = values.get(parameter.name());
            if (value == null || overridden(parameter.name(), extra)) {
                continue;
            }
            target.append(separator).append(encode(parameter.name())).append('=').append(queryValue(value));
            separator = '&';
        }
        for (QueryParam pair : extra) {
            target.append(separator).append(encode(pair.name())).append('=').append(pair.encodedValue());
            separator = '&';
        }
        return new RestRequest(method, target.toString(), body(values));
    }

    private byte[] body(Map<String, ?> values) {
        Object body = switch (bodyMode) {
            case NONE -> null;
            case WHOLE -> values.get(bodyParameters.getFirst().name());
            case PROPERTIES -> {
                Map<String, Object> properties = new LinkedHashMap<>();
                for (Parameter parameter : bodyParameters) {
                    if (values.containsKey(parameter.name())) {
                        properties.put(parameter.name(), coerce(parameter, values.get(parameter.name())));
                    }
                }
                yield properties;
            }
        };
        if (bodyMode == BodyMode.NONE) {
            return null;
        }
        try {
            return RestClient.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of " + operation.httpMethod() + " " + operation.path(), e);
        }
    }

    /** GraphQL hands ids over as strings; a numeric BODY parameter gets the number back. */
    private static Object coerce(Parameter parameter, Object value) {
        if (value instanceof String text) {
            Schema.Type type = nonNull(parameter.schema()).getType();
            try {
                if (type == Schema.Type.LONG || type == Schema.Type.INT) {
                    return Long.parseLong(text);
                }
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static boolean overridden(String name, List<QueryParam> extra) {
        for (QueryParam pair : extra) {
            if (pair.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Lists are comma separated (each element encoded, so a comma inside one stays apart); objects travel as JSON. */
    private static String queryValue(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object element : list) {
                if (!joined.isEmpty()) {
                    joined.append(',');
                }
                joined.append(encode(text(element)));
            }
            return joined.toString();
        }
        return encode(text(value));
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return RestClient.JSON.writeValueAsString(value);
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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
        }
        return schema;
    }

    private static String selector(Operation operation) {
        String name = switch (operation.kind()) {
            case FINDER -> "q";
            case ACTION -> "action";
            default -> null;
        };
        if (name == null || operation.parameters().stream().anyMatch(p -> p.name().equals(name))) {
            return null;
        }
        String[] segments = operation.path().split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return last.equals(operation.name()) ? null : name + "=" + encode(operation.name());
    }

    private static List<Object> parts(String path) {
        List<Object> parts = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(path.substring(at, matcher.start()));
            }
            parts.add(new PathVariable(matcher.group(1)));
            at = matcher.end();
        }
        if (at < path.length()) {
            parts.add(path.substring(at));
        }
        return List.copyOf(parts);
    }

    /** A {@code {name}} placeholder of a path template. */
    private record PathVariable(String name) {
    }
}
