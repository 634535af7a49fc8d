package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Parameter.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters an operation takes: its path item's and its own (which win), with their {@code $ref}s followed; and
 * how a declared parameter becomes a catalog one: its argument name and its style.
 */
final class Parameters {
    /** Header parameters OpenAPI says a definition of is ignored: the gateway sets them, or its configuration does. */
    static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private Parameters() {
    }

    static List<Parameter> of(PathItem item, Operation operation, Components components) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (List<Parameter> declared : Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (declared != null) {
                for (Parameter parameter : declared) {
                    Parameter resolved = components.parameter(parameter);
                    byKey.put(resolved.getIn() + " " + resolved.getName(), resolved);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * The GraphQL argument a parameter becomes: its own name when that is one, else its words in camelCase
     * ({@code api-version} → {@code apiVersion}, {@code $.xgafv} → {@code xgafv}, {@code page[size]} → {@code pageSize});
     * empty when it has no letter.
     */
    static String argumentName(String name) {
        return Identifiers.isName(name) ? name : Identifiers.identifier(name);
    }

    /** The path with each variable named as its argument: {@code /pets/{pet-id}} → {@code /pets/{petId}}. */
    static String pathWithArgumentNames(String path) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement("{" + argumentName(variable.group(1)) + "}"));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /**
     * The parameter's schema with the document's default value when it has one and the schema is a plain scalar
     * (a fresh schema: the property must not reach other uses of the same one).
     */
    static org.apache.avro.Schema withDefault(org.apache.avro.Schema avro, io.swagger.v3.oas.models.media.Schema<?> declared,
                                               Components components) {
        Object value = declared == null ? null : components.resolve(declared).getDefault();
        boolean scalar = switch (avro.getType()) {
            case STRING, INT, LONG, FLOAT, DOUBLE, BOOLEAN -> avro.getLogicalType() == null;
            default -> false;
        };
        if (value == null || !scalar || !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            return avro;
        }
        org.apache.avro.Schema withDefault = org.apache.avro.Schema.create(avro.getType());
        withDefault.addProp(io.tributary.catalog.Parameter.DEFAULT_PROPERTY, value);
        return withDefault;
    }

    /** The parameter's style, OpenAPI's default for its location when it says none. */
    static Style style(Parameter parameter, Location location) {
        if (parameter.getStyle() == null) {
            return Style.defaultFor(location);
        }
        Style style = switch (parameter.getStyle()) {
            case FORM -> Style.FORM;
            case SPACEDELIMITED -> Style.SPACE_DELIMITED;
            case PIPEDELIMITED -> Style.PIPE_DELIMITED;
            case DEEPOBJECT -> Style.DEEP_OBJECT;
            case SIMPLE -> Style.SIMPLE;
            case LABEL -> Style.LABEL;
            case MATRIX -> Style.MATRIX;
        };
        if (!style.fits(location)) {
            throw new Unmappable(UnmappedOperation.Category.INVALID, "its " + location.name().toLowerCase(Locale.ROOT) + " parameter "
                    + parameter.getName() + " has the style " + parameter.getStyle() + ", which OpenAPI does not allow there");
        }
        return style;
    }
}
