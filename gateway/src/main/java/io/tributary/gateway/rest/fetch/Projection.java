package io.tributary.gateway.rest.fetch;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which JSON properties of an element type a field's selection reads, for {@code fields=} on operations that
 * support projection: the selected fields under their original property names, the properties the selected
 * relations start from ({@code instructorIds} for {@code instructors}), and always the key. Built per view; per
 * request it only walks the query's selection (fragments included), never the schema.
 */
public final class Projection {
    /** For operations without projection: every call returns whole elements. */
    public static final Projection NONE = new Projection(null, Map.of(), new String[0][]);

    private static final String[][] ELEMENTS = {{}};
    private static final String[][] CONNECTION = {{"edges", "node"}, {"nodes"}};
    private static final String[][] PAGED = {{"items"}};

    private final String keyField;
    private final Map<String, List<String>> propertiesByField;
    private final String[][] paths;

    private Projection(String keyField, Map<String, List<String>> propertiesByField, String[][] paths) {
        this.keyField = keyField;
        this.propertiesByField = propertiesByField;
        this.paths = paths;
    }

    /** Over the elements a field returns itself (one, or a list). */
    public static Projection elements(String keyField, Map<String, List<String>> propertiesByField) {
        return new Projection(keyField, propertiesByField, ELEMENTS);
    }

    /** Over the nodes of a Relay connection ({@code edges.node} and {@code nodes}). */
    public static Projection connection(String keyField, Map<String, List<String>> propertiesByField) {
        return new Projection(keyField, propertiesByField, CONNECTION);
    }

    /** Over the items of a {@code Paged} result. */
    public static Projection paged(String keyField, Map<String, List<String>> propertiesByField) {
        return new Projection(keyField, propertiesByField, PAGED);
    }

    /** The properties to ask for, sorted; null when every property is wanted. */
    List<String> fields(DataFetchingEnvironment env) {
        if (keyField == null) {
            return null;
        }
        TreeSet<String> properties = new TreeSet<>();
        properties.add(keyField);
        for (String[] path : paths) {
            for (Field field : env.getMergedField().getFields()) {
                collect(field.getSelectionSet(), path, 0, env.getFragmentsByName(), properties);
            }
        }
        return List.copyOf(properties);
    }

    private void collect(SelectionSet selections, String[] path, int depth, Map<String, FragmentDefinition> fragments,
                         TreeSet<String> properties) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field field when depth == path.length -> add(field.getName(), properties);
                case Field field when field.getName().equals(path[depth]) ->
                        collect(field.getSelectionSet(), path, depth + 1, fragments, properties);
                case InlineFragment inline -> collect(inline.getSelectionSet(), path, depth, fragments, properties);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        collect(fragment.getSelectionSet(), path, depth, fragments, properties);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void add(String field, TreeSet<String> properties) {
        if (field.startsWith("__")) {
            return;
        }
        List<String> mapped = propertiesByField.get(field);
        if (mapped == null) {
            properties.add(field);
        } else {
            properties.addAll(mapped);
        }
    }
}
