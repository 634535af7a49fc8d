package io.tributary.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A parameter of an operation: where it travels (path, query, header, cookie, body), its type as an Avro schema,
 * whether it is required, and how its value is written on the wire. {@code name} is the argument's name in the graph;
 * {@code wireName} the name the service knows it by when that is no GraphQL name ({@code api-version},
 * {@code page[size]}). {@code style} and {@code explode} say how arrays and objects are written, as in OpenAPI. A
 * parameter with a {@code constant} is no argument: the gateway always sends that value, as Naptime selects a finder
 * on a shared path with {@code q=byInstructorId}. A body parameter of a CREATE or UPDATE is usually the resource's
 * model itself.
 */
public record Parameter(String name, Schema schema, Location location, boolean required, String description, Style style,
                        boolean explode, String wireName, String constant) {

    /**
     * Headers that frame the request, carry credentials or that the gateway sets itself: an argument must never set
     * them, so no catalog may declare them.
     */
    public static final Set<String> FORBIDDEN_HEADERS = Set.of("accept", "authorization", "connection", "content-length",
            "content-type", "cookie", "expect", "host", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Where a parameter travels in the HTTP request. */
    /**
     * The property of a scalar parameter's schema that holds its default value, {@code {"type": "int",
     * "tributary.default": 20}}: what the service assumes when the parameter is not sent, offered as the argument's
     * default.
     */
    public static final String DEFAULT_PROPERTY = "tributary.default";

    public enum Location { PATH, QUERY, BODY, HEADER, COOKIE }

    /** How a value is written, as OpenAPI's {@code style} names it; each location allows some. */
    public enum Style {
        FORM, SPACE_DELIMITED, PIPE_DELIMITED, DEEP_OBJECT, SIMPLE, LABEL, MATRIX;

        /** OpenAPI's default: form for query and cookie, simple for path and header (and, meaninglessly, body). */
        public static Style defaultFor(Location location) {
            return switch (location) {
                case QUERY, COOKIE -> FORM;
                case PATH, HEADER, BODY -> SIMPLE;
            };
        }

        /** Whether OpenAPI allows this style for the location. */
        public boolean fits(Location location) {
            return switch (location) {
                case QUERY -> this == FORM || this == SPACE_DELIMITED || this == PIPE_DELIMITED || this == DEEP_OBJECT;
                case PATH -> this == SIMPLE || this == LABEL || this == MATRIX;
                case HEADER, BODY -> this == SIMPLE;
                case COOKIE -> this == FORM;
            };
        }

        /** OpenAPI's default for {@code explode}: true for form, false otherwise. */
        public boolean explodesByDefault() {
            return this == FORM;
        }
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema of parameter " + name);
        Objects.requireNonNull(location, "location of parameter " + name);
        if (location == Location.PATH && !required) {
            throw new InvalidCatalogException("path parameter " + name + " must be required");
        }
        description = description == null ? "" : description;
        style = style == null ? Style.defaultFor(location) : style;
        if (!style.fits(location)) {
            throw new InvalidCatalogException(location + " parameter " + name + " cannot have the style " + style);
        }
        wireName = wireName == null || wireName.isEmpty() ? name : wireName;
        constant = constant == null ? "" : constant;
        checkWireName(name, location, wireName);
        if (!constant.isEmpty() && location != Location.QUERY) {
            throw new InvalidCatalogException(location + " parameter " + name + " cannot be a constant; only query parameters can");
        }
    }

    /**
     * A parameter written Naptime's way: the location's default style, lists comma-separated ({@code ids=a,b}),
     * under its own name.
     */
    public Parameter(String name, Schema schema, Location location, boolean required, String description) {
        this(name, schema, location, required, description, null, false, null, "");
    }

    /** A parameter of a primitive Avro type such as {@code string}, {@code long} or {@code int}. */
    public static Parameter of(String name, Schema.Type type, Location location, boolean required, String description) {
        return new Parameter(name, Schema.create(type), location, required, description);
    }

    /** A query parameter the gateway always sends with this value, such as Naptime's finder selector {@code q=byInstructorId}. */
    public static Parameter constant(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCatalogException("constant query parameter " + name + " needs a value");
        }
        return new Parameter(name, Schema.create(Schema.Type.STRING), Location.QUERY, true, "", null, false, null, value);
    }

    /** This parameter written with another style and explode. */
    public Parameter withStyle(Style style, boolean explode) {
        return new Parameter(name, schema, location, required, description, style, explode, wireName, constant);
    }

    /** This parameter sent under another name than its argument's. */
    public Parameter withWireName(String wireName) {
        return new Parameter(name, schema, location, required, description, style, explode, wireName, constant);
    }

    /** Whether the gateway always sends {@link #constant()}: then the parameter is no argument. */
    public boolean isConstant() {
        return !constant.isEmpty();
    }

    /** Why a parameter's wire name cannot be sent; null when it can. */
    public static String refusal(Location location, String wireName) {
        if (wireName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "its name contains a control character";
        }
        return switch (location) {
            case HEADER -> !TOKEN.matcher(wireName).matches() ? "'" + wireName + "' is no header name"
                    : FORBIDDEN_HEADERS.contains(wireName.toLowerCase(Locale.ROOT))
                    ? "the header " + wireName + " frames the request, carries credentials or is set by the gateway; no argument may set it"
                    : null;
            case COOKIE -> TOKEN.matcher(wireName).matches() ? null : "'" + wireName + "' is no cookie name";
            default -> null;
        };
    }

    private static void checkWireName(String name, Location location, String wireName) {
        if (location == Location.PATH && !wireName.equals(name)) {
            throw new InvalidCatalogException("path parameter " + name + " is named by its path variable; it cannot travel as " + wireName);
        }
        String refusal = refusal(location, wireName);
        if (refusal != null) {
            throw new InvalidCatalogException(location + " parameter " + name + ": " + refusal);
        }
    }
}
