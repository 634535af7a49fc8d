package io.tributary.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.diff.SchemaChange;
import io.tributary.view.DeployVerdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageImpactTest {
    static final String BEFORE = "type Query { course(id: ID!): Course } type Course { id: ID! title: String level: String }";
    static final String WITHOUT_LEVEL = "type Query { course(id: ID!): Course } type Course { id: ID! title: String }";

    static OperationTotal seen(String document) {
        return new OperationTotal(OperationSignature.sha256(document), "", document, List.of(), 3, 0,
                List.of(new OperationTotal.ClientTotal("web", "1.0", 3, 0)), Latency.empty());
    }

    @Test
    void an_operation_using_a_removed_field_is_broken_with_the_reason() {
        List<UsageImpact.BrokenOperation> broken = UsageImpact.broken(BEFORE, WITHOUT_LEVEL,
                List.of(seen("{course(id:\"\"){level}}"), seen("{course(id:\"\"){title}}")));

        assertThat(broken).singleElement().satisfies(b -> {
            assertThat(b.operation().document()).contains("level");
            assertThat(b.reasons()).anySatisfy(r -> assertThat(r).contains("level"));
        });
    }

    @Test
    void an_operation_already_invalid_before_the_change_is_not_its_doing() {
        assertThat(UsageImpact.broken(WITHOUT_LEVEL, WITHOUT_LEVEL.replace("title: String", ""),
                List.of(seen("{course(id:\"\"){level}}")))).isEmpty();
    }

    @Test
    void field_coordinates_list_the_schema_without_introspection() {
        assertThat(UsageImpact.fieldCoordinates(BEFORE)).containsExactly("Course.id", "Course.level", "Course.title", "Query.course");
    }

    @Test
    void a_breaking_change_is_breaking_when_it_breaks_a_seen_operation_safe_in_practice_when_none_and_breaking_without_usage() {
        DeployVerdict breaking = new DeployVerdict(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new SchemaChange(SchemaChange.Level.BREAKING, "MISSING", "Course.level", "removed")));
        OperationTotal operation = seen("{course(id:\"\"){level}}");

        assertThat(new UsageVerdict(breaking, List.of(operation), List.of(new UsageImpact.BrokenOperation(operation, List.of("gone"))))
                .kind()).isEqualTo(UsageVerdict.Kind.BREAKING);
        assertThat(new UsageVerdict(breaking, List.of(operation), List.of()).kind()).isEqualTo(UsageVerdict.Kind.SAFE_IN_PRACTICE);
        assertThat(new UsageVerdict(breaking, List.of(), List.of()).kind()).isEqualTo(UsageVerdict.Kind.BREAKING);
        assertThat(UsageVerdict.Kind.SAFE_IN_PRACTICE.exitCode()).isEqualTo(4);
    }
}
