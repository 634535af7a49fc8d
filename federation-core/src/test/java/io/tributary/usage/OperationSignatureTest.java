package io.tributary.usage;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

class OperationSignatureTest {
    static final String SDL = """
            type Query { course(id: ID!): Course  courses(ids: [ID!]): [Course!]!  search(text: String!): [Hit!]! }
            type Mutation { courseUpdateTitle(id: ID!, title: String!): Course }
            interface Named { name: String }
            type Course implements Named { id: ID!  title: String  name: String  instructor: Instructor }
            type Instructor implements Named { id: ID!  name: String }
            union Hit = Course | Instructor
            """;
    static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(SDL));

    static OperationSignature signature(String document, String operationName) {
        return OperationSignature.of(SCHEMA, Parser.parse(document), operationName);
    }

    @Test
    void the_same_operation_with_other_literals_aliases_and_layout_has_one_hash() {
        OperationSignature one = signature("query Course { course(id: \"c-1\") { title id } }", null);
        OperationSignature two = signature("query Course {\n  c: course(id: \"c-2\") {\n    id\n    title\n  }\n}", null);

        assertThat(two.hash()).isEqualTo(one.hash());
        assertThat(one.document()).doesNotContain("c-1");
        assertThat(one.name()).isEqualTo("Course");
    }

    @Test
    void another_selection_is_another_operation() {
        assertThat(signature("{ course(id: 1) { id } }", null).hash())
                .isNotEqualTo(signature("{ course(id: 1) { id title } }", null).hash());
    }

    @Test
    void coordinates_cover_fields_arguments_fragments_interfaces_and_unions() {
        OperationSignature signature = signature("""
                query Q($id: ID!) {
                  course(id: $id) { ...C  __typename }
                  search(text: "x") { ... on Instructor { name }  ... on Named { name } }
                }
                fragment C on Course { title instructor { id } }
                """, "Q");

        assertThat(signature.coordinates()).containsExactly("Course.instructor", "Course.title", "Instructor.id", "Instructor.name",
                "Named.name", "Query.course", "Query.course(id:)", "Query.search", "Query.search(text:)");
    }

    @Test
    void picks_the_named_operation_of_a_document_with_several() {
        OperationSignature signature = signature("query A { course(id: 1) { id } } mutation B { courseUpdateTitle(id: 1, title: \"t\") { id } }", "B");

        assertThat(signature.coordinates()).containsExactly("Course.id", "Mutation.courseUpdateTitle",
                "Mutation.courseUpdateTitle(id:)", "Mutation.courseUpdateTitle(title:)");
        assertThat(signature.document()).doesNotContain("query A");
    }

    @Test
    void the_normalized_document_still_validates_against_its_schema() {
        OperationSignature signature = signature("query Q($id: ID!) { course(id: $id) { title } courses(ids: [\"a\"]) { id } }", null);

        assertThat(UsageImpact.broken(SDL, SDL.replace("title: String", "heading: String"),
                java.util.List.of(UsageImpactTest.seen(signature.document())))).hasSize(1);
        assertThat(UsageImpact.broken(SDL, SDL + " type Extra { id: ID }", java.util.List.of(UsageImpactTest.seen(signature.document()))))
                .isEmpty();
    }
}
