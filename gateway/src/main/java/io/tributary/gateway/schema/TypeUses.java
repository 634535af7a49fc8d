package io.tributary.gateway.schema;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which definitions of a view use each type: in a field, an argument, an interface, a union member or an input field.
 * A swap follows these uses from the changed types to every type that must be regenerated or copied. Worked out for
 * the whole SDL once, then carried from view to view with only the changed definitions' uses redone: redoing all
 * 40,000 uses of a Coursera-scale view was a quarter of a swap's CPU (docs/benchmarks.md §1, session 7).
 */
final class TypeUses {
    private TypeUses() {
    }

    /** For each type, the definitions that use it, each once. */
    static Map<String, List<String>> of(Map<String, TypeDefinition<?>> definitions) {
        Map<String, Set<String>> usedBy = new HashMap<>();
        definitions.forEach((name, definition) -> forEachNamed(definition,
                used -> usedBy.computeIfAbsent(used, u -> new LinkedHashSet<>()).add(name)));
        Map<String, List<String>> lists = new HashMap<>();
        usedBy.forEach((used, users) -> lists.put(used, List.copyOf(users)));
        return lists;
    }

    /**
     * {@code usedBy} of the definitions {@code before}, redone for the definitions {@code after}, which differ only in
     * the definitions of {@code changed} (redefined, added or gone). Only the types a changed definition starts or
     * stops using get a new list of users: the built-in scalars' lists hold most of the view, and a change seldom
     * starts or stops using one. Neither {@code usedBy} nor its lists change.
     */
    static Map<String, List<String>> updated(Map<String, List<String>> usedBy, Map<String, TypeDefinition<?>> before,
                                             Map<String, TypeDefinition<?>> after, Collection<String> changed) {
        Map<String, List<String>> updated = new HashMap<>(usedBy);
        Set<String> copied = new HashSet<>();
        for (String name : changed) {
            Set<String> was = uses(before.get(name));
            Set<String> is = uses(after.get(name));
            for (String used : was) {
                if (!is.contains(used)) {
                    List<String> users = writable(updated, copied, used);
                    users.remove(name);
                    if (users.isEmpty()) {
                        updated.remove(used);
                        copied.remove(used);
                    }
                }
            }
            for (String used : is) {
                if (!was.contains(used)) {
                    writable(updated, copied, used).add(name);
                }
            }
        }
        return updated;
    }

    /** The names of the types a definition uses, each once; none for no definition. */
    private static Set<String> uses(TypeDefinition<?> definition) {
        Set<String> uses = new LinkedHashSet<>();
        if (definition != null) {
            forEachNamed(definition, uses::add);
        }
        return uses;
    }

    /** Calls {@code action} with the name of every type a definition uses: fields, arguments, interfaces, members. */
    static void forEachNamed(TypeDefinition<?> definition, Consumer<String> action) {
        switch (definition) {
            case ImplementingTypeDefinition<?> implementing -> {
                implementing.getImplements().forEach(type -> action.accept(name(type)));
                for (FieldDefinition field : implementing.getFieldDefinitions()) {
                    action.accept(name(field.getType()));
                    field.getInputValueDefinitions().forEach(argument -> action.accept(name(argument.getType())));
                }
            }
            case UnionTypeDefinition union -> union.getMemberTypes().forEach(type -> action.accept(name(type)));
            case InputObjectTypeDefinition input -> input.getInputValueDefinitions().stream().map(InputValueDefinition::getType)
                    .forEach(type -> action.accept(name(type)));
            default -> {
            }
        }
    }

    /** The users of {@code used} in {@code usedBy}, copied once per update so that the map it was copied from keeps its own. */
    private static List<String> writable(Map<String, List<String>> usedBy, Set<String> copied, String used) {
        if (copied.add(used)) {
            List<String> users = new ArrayList<>(usedBy.getOrDefault(used, List.of()));
            usedBy.put(used, users);
            return users;
        }
        return usedBy.get(used);
    }

    private static String name(Type<?> type) {
        return TypeUtil.unwrapAll(type).getName();
    }
}
