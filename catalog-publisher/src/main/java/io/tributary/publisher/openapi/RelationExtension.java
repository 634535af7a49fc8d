package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@code x-tributary-relations}, a list of {@code {field, target, description}} with one of
 * {@code forward: sourceField}, {@code reverse: finder} plus {@code arguments: {courseId: $id}}, or
 * {@code through: [relation, relation]}. A malformed relation is left out with a note: it is not an operation, and
 * the resource is still worth publishing without it.
 */
final class RelationExtension {
    private static final Set<String> KINDS = Set.of("forward", "reverse", "through");

    private RelationExtension() {
    }

    /** The valid relations of an extension value; each invalid one goes to {@code note}, naming {@code where}. */
    static List<Relation> read(Object value, String where, Consumer<String> note) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            note.accept(where + ": " + Extensions.RELATIONS + " left out: must be a list of relations, was '" + value + "'");
            return List.of();
        }
        List<Relation> relations = new ArrayList<>();
        for (Object item : list) {
            try {
                relations.add(relation(item));
            } catch (Unmappable | InvalidCatalogException e) {
                note.accept(where + ": relation " + fieldOf(item) + " left out: " + e.getMessage());
            }
        }
        return relations;
    }

    private static Relation relation(Object item) {
        Map<?, ?> map = Extensions.map(item, Extensions.RELATIONS, "{field, target, forward|reverse|through}");
        String field = Extensions.string(map, "field", Extensions.RELATIONS);
        String target = Extensions.string(map, "target", Extensions.RELATIONS);
        String description = Extensions.string(map, "description", Extensions.RELATIONS);
        List<String> kinds = KINDS.stream().filter(map::containsKey).sorted().toList();
        if (kinds.size() != 1) {
            throw new Unmappable(Category.INVALID, "needs exactly one of forward, reverse or through, has " + kinds);
        }
        return switch (kinds.getFirst()) {
            case "forward" -> new Relation.Forward(field, target, Extensions.string(map, "forward", Extensions.RELATIONS), description);
            case "reverse" -> new Relation.Reverse(field, target, Extensions.string(map, "reverse", Extensions.RELATIONS),
                    arguments(map.get("arguments")), description);
            default -> new Relation.Through(field, target, path(map.get("through")), description);
        };
    }

    private static Map<String, String> arguments(Object value) {
        if (value == null) {
            return Map.of();
        }
        Map<?, ?> map = Extensions.map(value, Extensions.RELATIONS + " arguments", "{argument: $field}");
        Map<String, String> arguments = new LinkedHashMap<>();
        map.forEach((k, v) -> arguments.put(String.valueOf(k), String.valueOf(v)));
        return arguments;
    }

    private static List<String> path(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new Unmappable(Category.INVALID, "through must be a list of relation names, was '" + value + "'");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String fieldOf(Object item) {
        return item instanceof Map<?, ?> map && map.get("field") != null ? "'" + map.get("field") + "'" : String.valueOf(item);
    }
}
