package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.TributaryResource;
import io.tributary.publisher.micronaut.CatalogResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routes under a versioned base path that answer through {@code HttpResponse}, reactive types, futures and generic
 * wrappers of the service's own: each is classified by its path below the controller's, and its envelope says where
 * in the JSON the answer is.
 */
class ResponseShapesTest {
    private static ApplicationContext context;
    private static Resource things;
    private static Resource gizmos;
    private static Resource widgets;
    private static Resource parts;

    @BeforeAll
    static void derive() {
        context = ApplicationContext.run(Map.of("spec.name", "ResponseShapesTest",
                "micronaut.serde.serialization.inclusion", "NON_ABSENT", "shop.prefix", "/shop"));
        List<Resource> resources = context.getBean(CatalogResources.class).resources();
        gizmos = resources.get(0);
        parts = resources.get(1);
        things = resources.get(2);
        widgets = resources.get(3);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void shouldKeepTheVersionedBasePathAndClassifyBelowIt() {
        assertThat(things.operations()).extracting(o -> o.kind() + " " + o.httpMethod() + " " + o.path()).containsExactly(
                "GET GET /api/v1/things/{id}",
                "MULTI_GET GET /api/v1/things",
                "FINDER GET /api/v1/things/byColour",
                "FINDER GET /api/v1/things/byOwner",
                "CREATE POST /api/v1/things",
                "DELETE DELETE /api/v1/things/{id}");
        assertThat(gizmos.operations()).extracting(o -> o.kind() + " " + o.path()).containsExactly("GET /v2/gizmos/{id}");
    }

    @Test
    void shouldClassifyRoutesThatNameTheirVersionedCollectionBelowTheControllersPath() {
        assertThat(parts.operations()).extracting(o -> o.kind() + " " + o.path())
                .containsExactly("GET /api/v1/parts/{id}", "MULTI_GET /api/v1/parts");
    }

    @Test
    void shouldResolveAPlaceholderInTheBasePathFromTheConfiguration() {
        assertThat(widgets.operations()).extracting(o -> o.kind() + " " + o.path()).containsExactly("GET /shop/v3/widgets/{id}");
    }

    @Test
    void shouldLookThroughHttpResponseMonoAndFutures() {
        assertThat(things.modelName()).isEqualTo("Thing");
        assertThat(operation(things, OperationKind.GET, "").envelope()).isEqualTo(ResponseEnvelope.BARE);
        assertThat(operation(things, OperationKind.CREATE, "").envelope()).isEqualTo(ResponseEnvelope.BARE);
    }

    @Test
    void shouldReadAFluxAndASingleResultPublisherOfAListAsBareArrays() {
        assertThat(operation(things, OperationKind.MULTI_GET, "").envelope()).isEqualTo(ResponseEnvelope.BARE);
        assertThat(operation(things, OperationKind.FINDER, "byColour").envelope()).isEqualTo(ResponseEnvelope.BARE);
    }

    @Test
    void shouldFindTheAnswerInAGenericWrapperAtItsWireName() {
        assertThat(operation(things, OperationKind.FINDER, "byOwner").envelope())
                .isEqualTo(new ResponseEnvelope("/data", "", ""));
        assertThat(gizmos.modelName()).isEqualTo("Gizmo");
        assertThat(operation(gizmos, OperationKind.GET, "").envelope()).isEqualTo(new ResponseEnvelope("/result", "", ""));
    }

    private static Operation operation(Resource resource, OperationKind kind, String name) {
        return resource.operations().stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst().orElseThrow();
    }

    /** A thing. */
    @Serdeable
    record Thing(String id, String colour, String owner) {
    }

    /** A gizmo. */
    @Serdeable
    record Gizmo(String id) {
    }

    /** A list of answers under {@code data}, with a count beside it. */
    @Serdeable
    record Listing<T>(@JsonProperty("data") List<T> items, int count) {
    }

    /** One answer under {@code result}. */
    @Serdeable
    record Envelope<T>(@JsonProperty("result") T value, String requestId) {
    }

    /** Things, answered reactively under a versioned base path. */
    @Controller("/api/v1/things")
    @TributaryResource(name = "things")
    @Requires(property = "spec.name", value = "ResponseShapesTest")
    static class ThingsController {
        @Get("/{id}")
        public Mono<HttpResponse<Thing>> get(String id) {
            throw new UnsupportedOperationException();
        }

        @Get
        public Flux<Thing> multiGet(@QueryValue List<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Get("/byColour")
        @Finder("byColour")
        @SingleResult
        public Publisher<List<Thing>> byColour(@QueryValue String colour) {
            throw new UnsupportedOperationException();
        }

        @Get("/byOwner")
        @Finder("byOwner")
        public CompletableFuture<Listing<Thing>> byOwner(@QueryValue String owner) {
            throw new UnsupportedOperationException();
        }

        @Post
        public Mono<Thing> create(@Body Thing thing) {
            throw new UnsupportedOperationException();
        }

        @Delete("/{id}")
        public Mono<HttpResponse<Void>> delete(String id) {
            throw new UnsupportedOperationException();
        }
    }

    /** A part. */
    @Serdeable
    record Part(String id) {
    }

    /** Parts, whose routes carry the version and the collection below the controller's path. */
    @Controller("/api")
    @TributaryResource(name = "parts")
    @Requires(property = "spec.name", value = "ResponseShapesTest")
    static class PartsController {
        @Get("/v1/parts/{id}")
        public Part get(String id) {
            throw new UnsupportedOperationException();
        }

        @Get("/v1/parts")
        public List<Part> multiGet(@QueryValue List<String> ids) {
            throw new UnsupportedOperationException();
        }
    }

    /** A widget. */
    @Serdeable
    record Widget(String id) {
    }

    /** Widgets under a prefix the configuration sets. */
    @Controller("${shop.prefix:/}/v3/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "ResponseShapesTest")
    static class WidgetsController {
        @Get("/{id}")
        public Optional<Widget> get(String id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Gizmos, each answered inside an envelope. */
    @Controller("/v2/gizmos")
    @TributaryResource(name = "gizmos")
    @Requires(property = "spec.name", value = "ResponseShapesTest")
    static class GizmosController {
        @Get("/{id}")
        public HttpResponse<Envelope<Gizmo>> get(String id) {
            throw new UnsupportedOperationException();
        }
    }
}
