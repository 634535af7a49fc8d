package io.tributary.compose;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLTypeUtil;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A forward relation whose source field the model leaves out: an OpenAPI link reading {@code $response.body#/contact_id}
 * from a schema without {@code contact_id}. Said to be undeclared, it is a nullable field of one element; not said,
 * it is a mistake and stays out.
 */
class UndeclaredSourceFieldTest {

    @Test
    void shouldComposeAForwardRelationFromAnUndeclaredPropertyAsANullableSingleElement() {
        ComposedGraph graph = compose(new Relation.Forward("mentor", "instructors.v1", "mentorId", true, ""));

        var field = graph.schema().getObjectType("Instructor").getFieldDefinition("mentor");
        assertThat(field).isNotNull();
        assertThat(GraphQLTypeUtil.isNullable(field.getType())).isTrue();
        assertThat(GraphQLTypeUtil.simplePrint(field.getType())).isEqualTo("Instructor");
        FieldRoute route = graph.routing().fields().stream().filter(r -> r.coordinate().equals("Instructor.mentor")).findFirst().orElseThrow();
        assertThat(route.shape()).isEqualTo(FieldRoute.Shape.SINGLE);
        assertThat(route.link()).isEqualTo(new FieldRoute.Link.Forward("mentorId"));
        assertThat(graph.diagnostics()).noneMatch(d -> d.where().endsWith("Instructor.mentor"));
    }

    @Test
    void shouldLeaveOutAForwardRelationFromAFieldTheModelLacksWhenNotSaidToBeUndeclared() {
        ComposedGraph graph = compose(new Relation.Forward("mentor", "instructors.v1", "mentorId", ""));

        assertThat(graph.schema().getObjectType("Instructor").getFieldDefinition("mentor")).isNull();
        assertThat(graph.diagnostics()).extracting(Diagnostic::code, Diagnostic::where)
                .contains(org.assertj.core.groups.Tuple.tuple("DANGLING_RELATION", "instructors:Instructor.mentor"));
    }

    private static ComposedGraph compose(Relation relation) {
        ServiceCatalog base = GraphCatalogs.instructors();
        Resource r = base.resources().getFirst();
        ServiceCatalog catalog = new ServiceCatalog(base.service(), base.instanceId(), base.serviceVersion(), base.publishedAt(),
                base.baseUrl(), base.leaseMillis(), List.of(new Resource(r.name(), r.version(), r.description(), r.model(), r.keyField(),
                r.operations(), List.of(relation), "")), base.operations());
        return new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(catalog))));
    }
}
