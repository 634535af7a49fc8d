package io.tributary.gateway.rest.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.gateway.GatewayJson;
import io.tributary.gateway.rest.client.RestRequest;
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
 * and variables, the query, header, cookie and body parameters, how the body is built, and the envelope its answer
 * comes in. Each parameter is written by its style under its wire name ({@link ParameterStyles}); a constant one,
 * such as Naptime's finder selector {@code q=byInstructorId}, is always sent and never an argument.
 * <p>Body rule: a lone BODY parameter whose schema is a record, or the lone BODY parameter of an operation field
 * (whatever its schema), is the whole body; otherwise the BODY parameters are the properties of one object. The body
 * is written as the operation's encoding says: JSON, or a URL-encoded form ({@link FormEncoding}).
 */
public final class OperationTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** How the body of a call is made from its BODY parameters. */
    enum BodyMode { NONE, WHOLE, PROPERTIES }

    /** One {@code name=value} pair the gateway adds to the query string itself (paging, projection), its value already encoded. */
    record QueryParam(String name, String encodedValue) {
        static QueryParam of(String name, Object value) {
            return new QueryParam(name, ParameterStyles.encode(String.valueOf(value)));
        }

        /** A comma-separated list, {@code fields=id,title}. */
        static QueryParam list(String name, List<String> values) {
            return new QueryParam(name, String.join(",", values.stream().map(ParameterStyles::encode).toList()));
        }
    }

    private final Operation operation;
    private final String method;
    private final List<Object> pathParts;
    private final Map<String, Parameter> pathParameters = new LinkedHashMap<>();
    private final List<Parameter> queryParameters;
    private final List<Parameter> headerParameters;
    private final List<Parameter> cookieParameters;
    private final List<Parameter> bodyParameters;
    private final BodyMode bodyMode;
    private final Envelope envelope;

    private OperationTemplate(Operation operation) {
        this.operation = operation;
        this.method = operation.httpMethod().toUpperCase(Locale.ROOT);
        this.pathParts = parts(operation.path());
        operation.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).forEach(p -> pathParameters.put(p.name(), p));
        this.queryParameters = located(operation, Parameter.Location.QUERY);
        this.headerParameters = located(operation, Parameter.Location.HEADER);
        this.cookieParameters = located(operation, Parameter.Location.COOKIE);
        this.bodyParameters = located(operation, Parameter.Location.BODY);
        this.bodyMode = bodyParameters.isEmpty() ? BodyMode.NONE
                : bodyParameters.size() == 1 && (operation.kind() == OperationKind.CALL
                        || nonNull(bodyParameters.getFirst().schema()).getType() == Schema.Type.RECORD)
                ? BodyMode.WHOLE : BodyMode.PROPERTIES;
        this.envelope = Envelope.of(operation.envelope());
    }

    public static OperationTemplate of(Operation operation) {
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

    public boolean projection() {
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
    public String pathParameter() {
        return operation.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).map(Parameter::name)
                .findFirst().orElse(null);
    }

    /** The first QUERY parameter that is an argument, {@code ids} of a MULTI_GET; null when there is none. */
    public String queryParameter() {
        return queryParameters.stream().filter(p -> !p.isConstant()).map(Parameter::name).findFirst().orElse(null);
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
                target.append(ParameterStyles.path(pathParameters.get(name), value));
            } else {
                target.append((String) part);
            }
        }
        char separator = '?';
        for (Parameter parameter : queryParameters) {
            Object value = parameter.isConstant() ? parameter.constant() : values.get(parameter.name());
            String written = value == null || overridden(parameter, extra) ? "" : ParameterStyles.query(parameter, value);
            if (!written.isEmpty()) {
                target.append(separator).append(written);
                separator = '&';
            }
        }
        for (QueryParam pair : extra) {
            target.append(separator).append(ParameterStyles.encode(pair.name())).append('=').append(pair.encodedValue());
            separator = '&';
        }
        byte[] body = body(values);
        return new RestRequest(method, target.toString(), headers(values), body, body == null ? null : operation.bodyEncoding().mediaType());
    }

    /** Header parameters by wire name, and the cookie parameters as one {@code Cookie} header. */
    private Map<String, String> headers(Map<String, ?> values) {
        if (headerParameters.isEmpty() && cookieParameters.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : headerParameters) {
            Object value = values.get(parameter.name());
            if (value != null) {
                headers.put(parameter.wireName(), ParameterStyles.header(parameter, value));
            }
        }
        List<String> cookies = new ArrayList<>();
        for (Parameter parameter : cookieParameters) {
            Object value = values.get(parameter.name());
            if (value != null) {
                cookies.add(ParameterStyles.cookie(parameter, value));
            }
        }
        if (!cookies.isEmpty()) {
            headers.put("Cookie", String.join("; ", cookies));
        }
        return headers;
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
            return switch (operation.bodyEncoding()) {
                case JSON -> GatewayJson.MAPPER.writeValueAsBytes(body);
                case FORM -> FormEncoding.encode(body);
            };
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

    private static boolean overridden(Parameter parameter, List<QueryParam> extra) {
        for (QueryParam pair : extra) {
            if (pair.name().equals(parameter.wireName()) || pair.name().equals(parameter.name())) {
                return true;
            }
        }
        return false;
    }

    static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
        }
        return schema;
    }

    private static List<Parameter> located(Operation operation, Parameter.Location location) {
        return operation.parameters().stream().filter(p -> p.location() == location).toList();
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
