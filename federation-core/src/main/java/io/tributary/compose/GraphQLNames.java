package io.tributary.compose;

import java.util.regex.Pattern;

/** GraphQL's naming rules, checked while composing so a bad name fails its own resource, not the whole schema. */
final class GraphQLNames {
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private GraphQLNames() {
    }

    static String require(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new UncomposableException(what + " '" + name + "' is not a valid GraphQL name");
        }
        if (name.startsWith("__")) {
            throw new UncomposableException(what + " '" + name + "' begins with '__', which GraphQL reserves for introspection");
        }
        return name;
    }

    /** An enum value: a name, and none of {@code true}, {@code false} or {@code null}, which GraphQL reads as literals. */
    static String requireEnumValue(String value, String what) {
        require(value, what);
        if (value.equals("true") || value.equals("false") || value.equals("null")) {
            throw new UncomposableException(what + " '" + value + "' cannot be a GraphQL enum value (it reads as a literal)");
        }
        return value;
    }
}
