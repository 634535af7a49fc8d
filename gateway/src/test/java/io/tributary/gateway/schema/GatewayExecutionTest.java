package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.testing.CoursesService;
import io.tributary.gateway.testing.RecordingServer;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayExecutionTest {

    private final RecordingServer courses = CoursesService.start();
    private final GraphHolder holder = new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(5)), Clock.systemUTC()));

    GatewayExecutionTest() throws IOException {
    }

    @AfterEach
    void stop() {
        courses.close();
    }

    @Test
    void shouldResolveASingleCourseThroughItsRestGet() {
        holder.apply(view(1, CourseCatalogs.v2("a")));

        ExecutionResult result = execute("{ course(id: \"c-1\") { id title durationMinutes subtitle } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("course",
                mapOf("id", "c-1", "title", "Machine Learning", "durationMinutes", 90, "subtitle", null)));
        assertThat(courses.uris()).containsExactly("/courses/c-1");
    }

    @Test
    void shouldAnswerAMultiGetInTheOrderOfTheIdsAsked() {
        holder.apply(view(1, CourseCatalogs.v1("a")));

        ExecutionResult result = execute("{ courses(ids: [\"c-1\", \"c-2\"]) { id } }");

        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("courses",
                List.of(Map.of("id", "c-1"), Map.of("id", "c-2"))));
        assertThat(courses.uris()).containsExactly("/courses?ids=c-1,c-2");
    }

    @Test
    void shouldAnswerNullWithANotFoundErrorForACourseTheServiceDoesNotHave() {
        holder.apply(view(1, CourseCatalogs.v1("a")));

        ExecutionResult result = execute("{ course(id: \"nope\") { id } }");

        assertThat(result.<Map<String, Object>>getData()).containsEntry("course", null);
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getExtensions()).containsEntry("service", "courses").containsEntry("status", 404)
                    .containsEntry("code", "NOT_FOUND");
        });
    }

    @Test
    void shouldReportADownstreamFailureAtItsPathWithTheServiceAndStatus() {
        holder.apply(view(1, CourseCatalogs.v1("a")));
        courses.failWith(503);

        ExecutionResult result = execute("{ course(id: \"c-1\") { id } }");

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("course");
            assertThat(error.getMessage()).contains("courses", "503");
            assertThat(error.getExtensions()).containsEntry("service", "courses").containsEntry("status", 503);
        });
    }

    @Test
    void shouldRejectAFieldTheServedViewDoesNotHave() {
        holder.apply(view(1, CourseCatalogs.v1("a")));

        ExecutionResult result = execute("{ course(id: \"c-1\") { durationMinutes } }");

        assertThat(result.getErrors()).extracting(GraphQLError::getMessage)
                .singleElement().asString().contains("durationMinutes");
        assertThat(courses.requests()).isEmpty();
    }

    @Test
    void shouldValidateARepeatedOperationAgainstTheViewSwappedInNotTheOneThatCachedIt() {
        String query = "{ course(id: \"c-1\") { durationMinutes } }";
        holder.apply(view(1, CourseCatalogs.v2("a")));
        assertThat(execute(query).getErrors()).isEmpty();

        holder.apply(view(2, CourseCatalogs.v1("a")));
        ExecutionResult afterSwap = execute(query);

        assertThat(afterSwap.getErrors()).extracting(GraphQLError::getMessage)
                .singleElement().asString().contains("durationMinutes");
        assertThat(courses.uris()).containsExactly("/courses/c-1");
    }

    @Test
    void shouldKeepServingTheLastGoodViewWhenANewOneCannotBeBuilt() {
        SchemaView good = view(1, CourseCatalogs.v2("a"));
        holder.apply(good);
        SchemaView broken = new SchemaView("default", 2, "h", Instant.EPOCH, "type Query { broken: NoSuchType }",
                good.routing(), good.services(), good.diagnostics(), List.of(), List.of(), good.cause());

        assertThat(holder.apply(broken)).isFalse();
        assertThat(holder.current().orElseThrow().view()).isEqualTo(good);
    }

    @Test
    void shouldBuildAViewWithConnectionsPagesScalarsAndRelations() {
        List<ServiceCatalog> graph = List.of(CourseCatalogs.everything("a"), GraphCatalogs.instructors(),
                GraphCatalogs.enrollments(), GraphCatalogs.partners());
        SchemaView view = new ViewFold("default").next(Optional.empty(), graph, new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();

        assertThat(holder.apply(view)).isTrue();
        assertThat(holder.current().orElseThrow().graphQL().getGraphQLSchema().getType("Paginated")).isNotNull();
    }

    @Test
    void shouldIgnoreAViewOlderThanTheOneServed() {
        holder.apply(view(2, CourseCatalogs.v2("a")));

        assertThat(holder.apply(view(1, CourseCatalogs.v1("a")))).isFalse();
        assertThat(holder.current().orElseThrow().view().version()).isEqualTo(2);
    }

    @Test
    void shouldCallAServiceAtItsNewAddressOnceAViewMovedIt() throws IOException {
        holder.apply(view(1, CourseCatalogs.v2("a")));
        execute("{ courses(ids: [\"c-1\"]) { id } }");
        try (RecordingServer moved = CoursesService.start()) {
            holder.apply(view(2, CourseCatalogs.v2("b"), moved.baseUrl()));

            ExecutionResult one = execute("{ course(id: \"c-2\") { id } }");
            ExecutionResult many = execute("{ courses(ids: [\"c-1\", \"c-2\"]) { id } }");

            assertThat(one.getErrors()).isEmpty();
            assertThat(many.getErrors()).isEmpty();
            assertThat(moved.uris()).containsExactly("/courses/c-2", "/courses?ids=c-1,c-2");
            assertThat(courses.uris()).containsExactly("/courses/c-1");
        }
    }

    private ExecutionResult execute(String query) {
        return holder.current().orElseThrow().execute(io.tributary.gateway.request.GatewayRequest.of(query));
    }

    private SchemaView view(long version, ServiceCatalog catalog) {
        return view(version, catalog, courses.baseUrl());
    }

    private SchemaView view(long version, ServiceCatalog catalog, String baseUrl) {
        ServiceCatalog here = new ServiceCatalog(catalog.service(), catalog.instanceId(), catalog.serviceVersion(),
                catalog.publishedAt(), baseUrl, catalog.leaseMillis(), catalog.resources());
        SchemaView first = new ViewFold("default").next(Optional.empty(), List.of(here), new Cause("t", 0, version, "k"), Instant.EPOCH)
                .orElseThrow();
        return new SchemaView(first.graph(), version, first.hash(), first.composedAt(), first.sdl(), first.routing(),
                first.services(), first.diagnostics(), first.failedServices(), first.changes(), first.cause());
    }

    private static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
