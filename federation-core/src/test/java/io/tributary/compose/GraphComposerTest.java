package io.tributary.compose;

import static io.tributary.catalog.CourseCatalogs.v1;
import static io.tributary.catalog.CourseCatalogs.v2;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import org.apache.avro.Schema;
import io.tributary.fold.EffectiveCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphComposerTest {

    private final GraphComposer composer = new GraphComposer();

    @Test
    void shouldComposeGetAndMultiGetIntoTheGoldenSchema() throws IOException {
        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(v2("a")))));

        assertThat(graph.sdl()).isEqualTo(golden("courses-v2.graphqls"));
        assertThat(graph.diagnostics()).isEmpty();
    }

    @Test
    void shouldRouteEachQueryFieldToItsRestOperation() {
        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(v1("a")))));

        assertThat(graph.routing().fields())
                .extracting(FieldRoute::coordinate, r -> r.operation().kind(), r -> r.operation().path())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Query.course", OperationKind.GET, "/courses/{id}"),
                        org.assertj.core.groups.Tuple.tuple("Query.courses", OperationKind.MULTI_GET, "/courses"));
        assertThat(graph.routing().service("courses").orElseThrow().baseUrls()).containsExactly("http://127.0.0.1:9001");
    }

    @Test
    void shouldPrintByteIdenticalSchemaForTheSameCatalogs() {
        ComposedGraph first = composer.compose(List.of(EffectiveCatalog.of(List.of(v1("a"), v2("b")))));
        ComposedGraph second = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(v2("b"), v1("a")))));

        assertThat(second.sdl()).isEqualTo(first.sdl());
        assertThat(second.hash()).isEqualTo(first.hash()).hasSize(64);
    }

    @Test
    void shouldKeepTheSchemaValidWhenNoServicePublishes() {
        ComposedGraph graph = composer.compose(List.of());

        assertThat(graph.sdl()).contains("_empty: Boolean");
        assertThat(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(graph.sdl()))
                .getQueryType().getFieldDefinitions()).hasSize(1);
    }

    @Test
    void shouldLeaveOutAModelNamedLikeARootTypeOrScalarAndKeepTheSchemaValid() {
        for (String reserved : List.of("Query", "Mutation", "ID", "String", "DateTime", "PageInfo")) {
            ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(catalogWithModel(reserved, "\"string\"")))));

            assertThat(graph.diagnostics()).as(reserved).anySatisfy(d -> {
                assertThat(d.code()).isEqualTo("TYPE_CONFLICT");
                assertThat(d.message()).contains("type " + reserved + " is a name the graph itself uses");
            });
            assertThat(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(graph.sdl()))).isNotNull();
        }
    }

    @Test
    void shouldQuarantineAnEnumWhoseValueGraphQLReadsAsALiteral() {
        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(catalogWithModel("Course",
                "{\"type\": \"enum\", \"name\": \"Flag\", \"symbols\": [\"ok\", \"true\"]}")))));

        assertThat(graph.failedServices()).containsExactly("courses");
        assertThat(graph.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("value of enum Flag 'true'"));
        assertThat(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(graph.sdl()))).isNotNull();
    }

    private static ServiceCatalog catalogWithModel(String typeName, String extraFieldType) {
        Schema model = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + typeName + "\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"extra\", \"type\": " + extraFieldType + "}]}");
        Resource courses = CourseCatalogs.courses(CourseCatalogs.COURSE_V1);
        return new ServiceCatalog("courses", "a", "1", Instant.EPOCH, "http://localhost:1", 1000, List.of(new Resource("courses", 1, "",
                model, "id", courses.operations())));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GraphComposerTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldGiveABodyPropertyNamedLikeThePathKeyThePathKeysArgument() {
        Schema model = new Schema.Parser().parse("""
                {"type": "record", "name": "Task", "fields": [{"name": "id", "type": "string"}, {"name": "title", "type": "string"}]}""");
        io.tributary.catalog.Parameter pathKey = io.tributary.catalog.Parameter.of("tasklist", Schema.Type.STRING,
                io.tributary.catalog.Parameter.Location.PATH, true, "");
        Resource tasks = new Resource("tasks", 1, "", model, "id", List.of(
                io.tributary.catalog.Operation.builder(OperationKind.GET, "GET", "/tasks/{tasklist}").parameters(List.of(pathKey)).build(),
                io.tributary.catalog.Operation.builder(OperationKind.PATCH, "PATCH", "/tasks/{tasklist}").name("rename")
                        .parameters(List.of(pathKey,
                                io.tributary.catalog.Parameter.of("id", Schema.Type.STRING, io.tributary.catalog.Parameter.Location.BODY, false, ""),
                                io.tributary.catalog.Parameter.of("title", Schema.Type.STRING, io.tributary.catalog.Parameter.Location.BODY, false, "")))
                        .build()));
        ServiceCatalog catalog = new ServiceCatalog("tasks", "i-1", "1", Instant.EPOCH, "http://127.0.0.1:9001", 30_000, List.of(tasks));

        ComposedGraph graph = composer.compose(List.of(EffectiveCatalog.of(List.of(catalog))));

        assertThat(graph.schema().getMutationType().getFieldDefinition("taskUpdateRename").getArguments())
                .extracting(a -> a.getName() + ": " + graphql.schema.GraphQLTypeUtil.simplePrint(a.getType()))
                .containsExactly("id: ID!", "title: String");
        assertThat(graph.routing().fields()).filteredOn(r -> r.field().equals("taskUpdateRename")).singleElement()
                .satisfies(r -> assertThat(((FieldRoute.Link.Root) r.link()).arguments())
                        .containsEntry("tasklist", "id").containsEntry("id", "id").containsEntry("title", "title"));
    }
}
