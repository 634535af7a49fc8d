package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.testing.PublishedCatalogs;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapping;
import io.tributary.publisher.openapi.OpenApiSidecar;
import io.tributary.testkit.EmbeddedKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example courses, instructors and enrollments services joined two ways: by their embedded Micronaut publishers,
 * and, running as plain services in one server, by the OpenAPI sidecar publishing the examples' {@code io/tributary/examples/learning/openapi.yaml}, a
 * document in OpenAPI's defaults ({@code ids} as an exploded form array, {@code ids=c-1&ids=c-2}) whose relations are
 * standard links. The three example queries answer the same through both, with the same number of REST calls.
 */
class OpenApiExamplesIT {
    /** The document, kept with the examples it describes. */
    private static final String DOCUMENT = document();
    private static final String TWENTY = IntStream.rangeClosed(1, 20).mapToObj(n -> "\"c-" + n + "\"").collect(Collectors.joining(", "));

    private static CoursesApp courses;
    private static InstructorsApp instructors;
    private static EnrollmentsApp enrollments;
    private static ApplicationContext learning;
    private static OpenApiSidecar sidecar;
    private static Graphs micronaut;
    private static Graphs openApi;

    @BeforeAll
    static void start() {
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics embedded = new Topics("examples-micronaut-" + run);
        Topics sidecarTopics = new Topics("examples-openapi-" + run);
        TopicProvisioner.ensure(bootstrap, embedded, (short) 1);
        TopicProvisioner.ensure(bootstrap, sidecarTopics, (short) 1);
        courses = CoursesApp.start(Variant.V2, 0, bootstrap, embedded);
        instructors = InstructorsApp.start(0, bootstrap, embedded);
        enrollments = EnrollmentsApp.start(0, bootstrap, embedded);
        learning = plainServices();
        sidecar = OpenApiSidecar.start(OpenApiSidecar.Settings.of(DOCUMENT, "learning",
                learning.getBean(EmbeddedServer.class).getURI().toString(), bootstrap).withTopics(sidecarTopics));
        micronaut = new Graphs(PublishedCatalogs.latest(bootstrap, embedded, Set.of("courses", "instructors", "enrollments")), RestSettings.defaults());
        openApi = new Graphs(PublishedCatalogs.latest(bootstrap, sidecarTopics, Set.of("learning")), RestSettings.defaults());
    }

    private static String document() {
        try (var in = CoursesApp.class.getResourceAsStream("/io/tributary/examples/learning/openapi.yaml")) {
            Path file = java.nio.file.Files.createTempFile("learning", ".yaml");
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same three services' controllers in one server, without an embedded publisher: a service as it is. */
    private static ApplicationContext plainServices() {
        ApplicationContext context = ApplicationContext.builder()
                .environments(CoursesApp.ENVIRONMENT, InstructorsApp.ENVIRONMENT, EnrollmentsApp.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(Map.of("micronaut.server.port", 0, "micronaut.application.name", "learning",
                        CoursesApp.VARIANT_PROPERTY, Variant.V2.name(), "micronaut.metrics.enabled", false))
                .start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {openApi, micronaut, sidecar, learning, enrollments, instructors, courses}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldMapEveryOperationOfTheDocumentAndSendIdsInItsDefaultStyle() {
        OpenApiMapping mapping = OpenApiCatalogReader.read(DOCUMENT);

        assertThat(mapping.unmapped()).isEmpty();
        Operation multiGet = mapping.resources().stream().filter(r -> r.name().equals("instructors")).findFirst().orElseThrow()
                .operations().stream().filter(op -> op.kind() == OperationKind.MULTI_GET).findFirst().orElseThrow();
        assertThat(multiGet.parameters()).extracting(Parameter::name, Parameter::style, Parameter::explode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ids", Parameter.Style.FORM, true));
        assertThat(mapping.resources()).flatExtracting(r -> r.relations().stream().map(rel -> r.name() + "." + rel.field()).toList())
                .containsExactlyInAnyOrder("courses.instructors", "courses.enrollments", "instructors.courses");
    }

    static List<Object[]> queries() {
        return List.of(
                new Object[] {"one course by id", "{ course(id: \"c-7\") { id title rating } }", 1L},
                new Object[] {"20 courses with instructors", "{ courses(ids: [" + TWENTY + "]) { id title instructors { id fullName } } }", 2L},
                new Object[] {"20 courses with instructors and enrollments",
                        "{ courses(ids: [" + TWENTY + "]) { id title instructors { id fullName } enrollments { learnerId status } } }", 22L});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void shouldAnswerAsTheMicronautPublishedGraphDoesWithTheSameRestCalls(String name, String query, long restCalls) {
        Map<String, Long> micronautBefore = micronaut.callsPerService();
        ExecutionResult expected = micronaut.execute(query);
        Map<String, Long> micronautCalls = since(micronautBefore, micronaut.callsPerService());
        Map<String, Long> openApiBefore = openApi.callsPerService();
        ExecutionResult actual = openApi.execute(query);
        Map<String, Long> openApiCalls = since(openApiBefore, openApi.callsPerService());

        assertThat(expected.getErrors()).isEmpty();
        assertThat(actual.getErrors()).isEmpty();
        assertThat(actual.<Object>getData()).isEqualTo(expected.getData());
        assertThat(micronautCalls.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(restCalls);
        assertThat(openApiCalls).isEqualTo(Map.of("learning", restCalls));
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> calls = new TreeMap<>(now);
        before.forEach((service, count) -> calls.merge(service, -count, Long::sum));
        calls.values().removeIf(count -> count == 0);
        return calls;
    }
}
