package io.tributary.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaChangesTest {
    private static final String V1 = """
            type Query { course(id: ID!): Course }
            type Course { id: ID! title: String! }
            """;
    private static final String V2 = """
            type Query { course(id: ID!): Course }
            type Course { id: ID! title: String! durationMinutes: Int! }
            """;

    @Test
    void shouldDiffSchemasLargerThanTheParsersDefaultTokenLimitForOperations() {
        // 2,000 types of four fields: about 40,000 tokens, well past graphql-java's 15,000 for an operation.
        StringBuilder types = new StringBuilder("type Query { thing0: Thing0 }\n");
        for (int t = 0; t < 2_000; t++) {
            types.append("type Thing").append(t).append(" { id: ID! a: String b: String c: Int }\n");
        }
        String before = types.toString();
        String after = before.replace("type Thing0 { id: ID! a: String", "type Thing0 { id: ID! a: String added: String");

        assertThat(SchemaChanges.between(before, after)).singleElement()
                .satisfies(c -> assertThat(c.coordinate()).isEqualTo("Thing0.added"));
    }

    @Test
    void shouldCallARemovedFieldBreaking() {
        List<SchemaChange> changes = SchemaChanges.between(V2, V1);

        assertThat(changes).filteredOn(c -> c.level() == SchemaChange.Level.BREAKING)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.coordinate()).isEqualTo("Course.durationMinutes");
                    assertThat(c.category()).isEqualTo("MISSING");
                });
    }

    @Test
    void shouldCallAnAddedFieldSafeAndReportNothingElse() {
        assertThat(SchemaChanges.between(V1, V2)).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SchemaChange.Level.SAFE);
            assertThat(c.coordinate()).isEqualTo("Course.durationMinutes");
            assertThat(c.category()).isEqualTo("ADDITION");
        });
    }

    @Test
    void shouldFindNoChangeBetweenEqualSchemas() {
        assertThat(SchemaChanges.between(V1, V1)).isEmpty();
    }
}
