package io.tributary.lint;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import graphql.schema.GraphQLTypeReference;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.Memo;
import io.tributary.compose.PrintedSchema;
import io.tributary.compose.PrintedType;
import io.tributary.compose.Routing;
import io.tributary.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a composed schema against the design guides the project follows (Udemy's schema design guide,
 * SwipeSense's decisions) and reports each finding as a diagnostic with the rule's code and the coordinate.
 * Whether an error blocks a view is the caller's setting ({@link LintSettings#errorsBlockViews()}).
 */
public final class SchemaLint {
    private static final Pattern RESTFUL = Pattern.compile("(get|list|fetch|find|getAll)[A-Z].*");
    private static final Pattern PLACEHOLDER = Pattern.compile("UNKNOWN(_.*)?|.*_UNKNOWN|UNSPECIFIED|.*_UNSPECIFIED|UNDEFINED");
    private static final Set<String> GENERIC_NAMES = Set.of("Item", "Rating", "Reminder", "Enrollment", "Data", "Info",
            "Result", "Record", "Entry", "Detail", "Details", "Value", "Status", "Type", "Object", "Entity");

    private static final Set<String> ROOTS = Set.of("Query", "Mutation");
    /** The findings of the types of printed schemas, by type (graphql-java types are equal only to themselves). */
    private static final Memo<Checked, List<Diagnostic>> FINDINGS = new Memo<>(20_000, Long.MAX_VALUE, findings -> 0);

    private static final Memo<CheckedField, List<Diagnostic>> FIELD_FINDINGS = new Memo<>(40_000, Long.MAX_VALUE, findings -> 0);

    /** A type checked under some settings. */
    private record Checked(GraphQLNamedType type, LintSettings settings) {
    }

    /** A root field checked under some settings, with the name of the object type it returns, if any. */
    private record CheckedField(String root, GraphQLFieldDefinition field, String returned, LintSettings settings) {
    }

    private final LintSettings settings;

    public SchemaLint(LintSettings settings) {
        this.settings = settings;
    }

    public List<Diagnostic> check(String sdl, Routing routing) {
        return check(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl)), routing);
    }

    /** Checks a schema already built (composition's own), which spares parsing its SDL again. */
    public List<Diagnostic> check(GraphQLSchema schema, Routing routing) {
        return check(schema.getAllTypesAsList(), type -> type, false, routing);
    }

    /**
     * Checks a schema as composition printed it, which spares building it: the same findings as for the schema
     * built from it (its types still name the types they refer to, which are looked up here).
     */
    public List<Diagnostic> check(PrintedSchema schema, Routing routing) {
        return check(schema.types().values().stream().map(PrintedType::type).toList(),
                type -> type instanceof GraphQLTypeReference ref ? schema.types().get(ref.getName()).type() : type, true, routing);
    }

    /**
     * The findings of every type; with {@code remember}, those of types other than the roots are looked up first:
     * a type's findings depend on it alone (and the settings), and printed schemas share their unchanged types.
     */
    private List<Diagnostic> check(List<GraphQLNamedType> types, UnaryOperator<GraphQLNamedType> resolve, boolean remember,
                                   Routing routing) {
        List<Diagnostic> found = new ArrayList<>();
        for (GraphQLNamedType type : types) {
            if (type.getName().startsWith("__") || GraphQLTypeUtil.isScalar(type) && isBuiltIn(type.getName())) {
                continue;
            }
            if (remember && !ROOTS.contains(type.getName())) {
                found.addAll(FINDINGS.get(new Checked(type, settings), key -> {
                    List<Diagnostic> own = new ArrayList<>();
                    checkType(type, resolve, false, own);
                    return List.copyOf(own);
                }));
            } else {
                checkType(type, resolve, remember, found);
            }
        }
        routing.fields().forEach(route -> checkRoute(route, found));
        found.sort(Comparator.comparing(Diagnostic::where).thenComparing(Diagnostic::code).thenComparing(Diagnostic::message));
        return found;
    }

    private void checkType(GraphQLNamedType type, UnaryOperator<GraphQLNamedType> resolve, boolean remember, List<Diagnostic> found) {
        if (type.getDescription() == null || type.getDescription().isBlank()) {
            report(found, LintRule.MISSING_DESCRIPTION, "type " + type.getName() + " has no description", type.getName());
        }
        if (GENERIC_NAMES.contains(type.getName())) {
            report(found, LintRule.GENERIC_TYPE_NAME, "type name " + type.getName()
                    + " is generic; prefix it with the business object it belongs to (CourseEnrollment, not Enrollment)", type.getName());
        }
        if (type instanceof GraphQLEnumType enumType) {
            for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                if (PLACEHOLDER.matcher(value.getName()).matches()) {
                    report(found, LintRule.PLACEHOLDER_ENUM_VALUE, "enum value " + value.getName()
                            + " is a placeholder; offer only values the end user can pick", type.getName() + "." + value.getName());
                }
            }
        }
        if (type instanceof GraphQLFieldsContainer container) {
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                if (remember) {
                    // A root type is new each time, its fields are not: what a field's check reads besides the field
                    // itself is the type its mutation returns.
                    String returned = resolve.apply(unwrap(field.getType())) instanceof GraphQLObjectType object ? object.getName() : null;
                    found.addAll(FIELD_FINDINGS.get(new CheckedField(type.getName(), field, returned, settings), key -> {
                        List<Diagnostic> own = new ArrayList<>();
                        checkField(type.getName(), field, resolve, own);
                        return List.copyOf(own);
                    }));
                } else {
                    checkField(type.getName(), field, resolve, found);
                }
            }
        }
    }

    private void checkField(String typeName, GraphQLFieldDefinition field, UnaryOperator<GraphQLNamedType> resolve,
                            List<Diagnostic> found) {
        String coordinate = typeName + "." + field.getName();
        if (field.getDescription() == null || field.getDescription().isBlank()) {
            report(found, LintRule.MISSING_DESCRIPTION, "field " + coordinate + " has no description", coordinate);
        }
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getDescription() == null || argument.getDescription().isBlank()) {
                report(found, LintRule.MISSING_DESCRIPTION, "argument " + argument.getName() + " of " + coordinate
                        + " has no description", coordinate + "(" + argument.getName() + ":)");
            }
        }
        if (typeName.equals("Query") && RESTFUL.matcher(field.getName()).matches()) {
            report(found, LintRule.RESTFUL_QUERY_NAME, "query " + field.getName()
                    + " sounds RESTful; name it after the object (course, courses)", coordinate);
        }
        if (typeName.equals("Mutation") && resolve.apply(unwrap(field.getType())) instanceof GraphQLObjectType returned) {
            String noun = Character.toLowerCase(returned.getName().charAt(0)) + returned.getName().substring(1);
            if (!field.getName().startsWith(noun)) {
                report(found, LintRule.MUTATION_NAME, "mutation " + field.getName() + " does not start with its noun "
                        + noun + " (courseCreate, not createCourse)", coordinate);
            }
        }
    }

    private void checkRoute(FieldRoute route, List<Diagnostic> found) {
        if (!route.parentType().equals("Query") || !(route.link() instanceof FieldRoute.Link.Root)) {
            return;
        }
        OperationKind kind = route.operation().kind();
        if (kind == OperationKind.FINDER && !isWellNamedFinder(route)) {
            report(found, LintRule.FINDER_NAME, "finder " + route.operation().name() + " of " + route.resource()
                    + " should be named by<Argument> (byInstructorId) or search", route.coordinate());
        }
        if (route.shape() == FieldRoute.Shape.LIST && (kind == OperationKind.GET_ALL || kind == OperationKind.FINDER)
                && !route.operation().pagination().isPaged()) {
            report(found, LintRule.UNBOUNDED_LIST, route.coordinate() + " can return every element at once and has no"
                    + " connection; make the operation pageable", route.coordinate());
        }
    }

    /** The named type inside list and non-null wrappers, a type reference included. */
    private static GraphQLNamedType unwrap(graphql.schema.GraphQLType type) {
        graphql.schema.GraphQLType unwrapped = type;
        while (unwrapped instanceof graphql.schema.GraphQLModifiedType modified) {
            unwrapped = modified.getWrappedType();
        }
        return (GraphQLNamedType) unwrapped;
    }

    private static boolean isWellNamedFinder(FieldRoute route) {
        String name = route.operation().name();
        if (name.equals("search")) {
            return true;
        }
        return route.operation().parameters().stream()
                .filter(p -> p.location() == Parameter.Location.QUERY && !p.isConstant())
                .map(p -> "by" + Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1))
                .anyMatch(name::equals);
    }

    private void report(List<Diagnostic> found, LintRule rule, String message, String where) {
        settings.severity(rule).ifPresent(severity -> found.add(new Diagnostic(severity, rule.name(), message, where)));
    }

    private static boolean isBuiltIn(String scalar) {
        return Set.of("String", "Int", "Float", "Boolean", "ID").contains(scalar);
    }
}
