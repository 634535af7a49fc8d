package io.tributary.gateway.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.view.SchemaView;
import java.nio.charset.StandardCharsets;

/**
 * {@code /schema.graphql}: the SDL of the graph served right now, as plain text so a browser shows it; its ETag is the
 * view's hash, so tools can poll it cheaply, and the view's version is in {@code Tributary-View-Version}.
 */
@Controller("/schema.graphql")
@Requires(env = Gateway.ENVIRONMENT)
public class SchemaController {
    private static final MediaType SDL = MediaType.of("text/plain;charset=utf-8");

    private final GraphHolder holder;

    SchemaController(GraphHolder holder) {
        this.holder = holder;
    }

    @Get(produces = MediaType.ALL)
    HttpResponse<byte[]> schema(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return holder.current().map(graph -> sdl(graph.view(), ifNoneMatch)).orElseGet(() -> HttpResponse.<byte[]>status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(SDL).body("# No schema is loaded yet: the gateway has not received a view of its graph.\n"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<byte[]> sdl(SchemaView view, String ifNoneMatch) {
        String etag = "\"" + view.hash() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(view.sdl().getBytes(StandardCharsets.UTF_8))
                .contentType(SDL)
                .header(HttpHeaders.ETAG, etag)
                .header("Tributary-View-Version", Long.toString(view.version()));
    }
}
