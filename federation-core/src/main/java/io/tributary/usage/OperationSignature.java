package io.tributary.usage;

import graphql.language.AstPrinter;
import graphql.language.AstSignature;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An operation reduced to what usage reporting keeps of it: the normalized document (graphql-java's
 * {@link AstSignature}: literals stripped, aliases removed, selections sorted, only the executed operation), its
 * SHA-256 as the operation's identity, so the same operation with other literals or another layout is one, and the
 * schema coordinates it uses. Worked out once per distinct document and schema, never per request.
 *
 * @param coordinates every {@code Type.field} the operation selects and every {@code Type.field(argument:)} it passes,
 *                    sorted, whether or not a {@code @skip} or {@code @include} would leave it out
 */
public record OperationSignature(String hash, String name, String document, List<String> coordinates) {

    /** The signature of the operation {@code operationName} (or the only one) of a document that validated against {@code schema}. */
    public static OperationSignature of(GraphQLSchema schema, Document document, String operationName) {
        OperationDefinition operation = operation(document, operationName);
        String normalized = AstPrinter.printAstCompact(new AstSignature().signatureQuery(document, operation.getName()));
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        Set<String> coordinates = new TreeSet<>();
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        if (root != null) {
            new Walk(schema, fragments, coordinates).selections(root, operation.getSelectionSet());
        }
        return new OperationSignature(sha256(normalized), operation.getName() == null ? "" : operation.getName(), normalized,
                List.copyOf(coordinates));
    }

    /** The hex SHA-256 of a normalized document. */
    public static String sha256(String normalized) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(o -> operationName == null || operationName.isEmpty() ? operations.size() == 1 : operationName.equals(o.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the document has no operation " + (operationName == null ? "to pick" : operationName)));
    }

    /** Walks the selections with the schema's types, recording each field's and argument's coordinate. */
    private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Set<String> coordinates, Set<String> entered) {
        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Set<String> coordinates) {
            this(schema, fragments, coordinates, new HashSet<>());
        }

        void selections(GraphQLFieldsContainer parent, SelectionSet set) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                switch (selection) {
                    case Field field -> field(parent, field);
                    case InlineFragment inline -> selections(inline.getTypeCondition() == null ? parent
                            : container(schema.getType(inline.getTypeCondition().getName()), parent), inline.getSelectionSet());
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment != null && entered.add(spread.getName())) {
                            selections(container(schema.getType(fragment.getTypeCondition().getName()), parent), fragment.getSelectionSet());
                            entered.remove(spread.getName());
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private void field(GraphQLFieldsContainer parent, Field field) {
            if (field.getName().startsWith("__")) {
                return;
            }
            GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
            if (definition == null) {
                return;
            }
            String coordinate = parent.getName() + "." + field.getName();
            coordinates.add(coordinate);
            field.getArguments().forEach(argument -> coordinates.add(coordinate + "(" + argument.getName() + ":)"));
            GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (type instanceof GraphQLFieldsContainer container) {
                selections(container, field.getSelectionSet());
            } else if (field.getSelectionSet() != null) {
                // a union: its members' fields come through fragments with a type condition
                selections(parent, new SelectionSet(field.getSelectionSet().getSelections().stream()
                        .filter(s -> !(s instanceof Field)).toList()));
            }
        }

        private static GraphQLFieldsContainer container(GraphQLType type, GraphQLFieldsContainer otherwise) {
            return type instanceof GraphQLFieldsContainer container ? container : otherwise;
        }
    }
}
