package io.tributary.compose;

import static io.tributary.catalog.CourseCatalogs.v1;
import static io.tributary.catalog.CourseCatalogs.v2;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.catalog.OperationKind;
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

    private static String golden(String name) throws IOException {
        try (InputStream in = GraphComposerTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
