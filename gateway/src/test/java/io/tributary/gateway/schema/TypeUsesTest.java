package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.TypeDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TypeUsesTest {
    private static final List<String> TYPES = List.of("A", "B", "C", "D", "E", "String", "Int");

    /** Each step redefines, adds or removes one type; the index carried along is the one worked out afresh. */
    @Property(tries = 200)
    void theUsesCarriedFromViewToViewAreTheUsesOfTheLastView(@ForAll("steps") List<List<Integer>> steps) {
        Map<String, TypeDefinition<?>> definitions = definitions(Map.of("A", "type A { b: B c: [C!] s: String }",
                "B", "type B { a: A n: Int }", "C", "union C = A | B"));
        Map<String, List<String>> usedBy = TypeUses.of(definitions);
        for (List<Integer> step : steps) {
            String name = TYPES.get(step.get(0) % 5);
            Map<String, TypeDefinition<?>> after = new LinkedHashMap<>(definitions);
            if (step.get(1) % 4 == 0) {
                after.remove(name);
            } else {
                after.put(name, definition(name, step.get(1), step.get(2)));
            }
            usedBy = TypeUses.updated(usedBy, definitions, after, List.of(name));
            definitions = after;

            assertThat(sets(usedBy)).isEqualTo(sets(TypeUses.of(definitions)));
        }
    }

    @Property(tries = 50)
    void updatingLeavesTheIndexItWasGivenAsItWas(@ForAll("steps") List<List<Integer>> steps) {
        Map<String, TypeDefinition<?>> definitions = definitions(Map.of("A", "type A { b: B s: String }", "B", "type B { a: A }"));
        Map<String, List<String>> usedBy = TypeUses.of(definitions);
        Map<String, Set<String>> before = sets(usedBy);
        List<Integer> step = steps.isEmpty() ? List.of(0, 1, 2) : steps.getFirst();
        Map<String, TypeDefinition<?>> after = new LinkedHashMap<>(definitions);
        after.put("A", definition("A", step.get(1), step.get(2)));

        TypeUses.updated(usedBy, definitions, after, List.of("A"));

        assertThat(sets(usedBy)).isEqualTo(before);
    }

    @Provide
    Arbitrary<List<List<Integer>>> steps() {
        return Arbitraries.integers().between(0, 1_000).list().ofSize(3).list().ofMaxSize(12);
    }

    /** An object type, an interface, a union or an input naming some of the types, by the seeds. */
    private static TypeDefinition<?> definition(String name, int kind, int seed) {
        List<String> named = Stream.of(seed, seed / 7, seed / 49).map(i -> TYPES.get(i % TYPES.size())).toList();
        String sdl = switch (kind % 4) {
            case 1 -> "type " + name + " { " + fields(named) + " }";
            case 2 -> "input " + name + " { " + fields(named) + " }";
            default -> "interface " + name + " { f(x: " + named.getFirst() + "): " + named.getLast() + " }";
        };
        return definitions(Map.of(name, sdl)).get(name);
    }

    private static String fields(List<String> named) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < named.size(); i++) {
            fields.append("f").append(i).append(": ").append(i == 1 ? "[" + named.get(i) + "!]" : named.get(i)).append(' ');
        }
        return fields.toString();
    }

    private static Map<String, TypeDefinition<?>> definitions(Map<String, String> sdl) {
        Map<String, TypeDefinition<?>> definitions = new LinkedHashMap<>();
        sdl.forEach((name, text) -> definitions.put(name, SdlDefinitions.byName(SdlDefinitions.parse(text)).get(name)));
        return definitions;
    }

    private static Map<String, Set<String>> sets(Map<String, List<String>> usedBy) {
        Map<String, Set<String>> sets = new HashMap<>();
        usedBy.forEach((used, users) -> {
            assertThat(users).doesNotHaveDuplicates();
            sets.put(used, new HashSet<>(users));
        });
        return sets;
    }
}
