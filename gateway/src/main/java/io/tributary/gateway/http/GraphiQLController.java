package io.tributary.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /graphiql}: GraphiQL pointed at this gateway's {@code /graphql}, with its scripts and styles served from the
 * gateway's own jar (fetched from the npm registry at build time), so it works without any CDN. Only the listed
 * assets are served, and the page allows scripts from the gateway alone.
 */
@Controller("/graphiql")
@Requires(env = Gateway.ENVIRONMENT)
@Requires(property = "tributary.gateway.graphiql.enabled", notEquals = "false")
public class GraphiQLController {
    private static final String ASSETS = "META-INF/tributary/graphiql/";
    private static final String PAGE = "META-INF/tributary/graphiql.html";
    private static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");
    private static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
    private static final Map<String, MediaType> ASSET_TYPES = Map.of(
            "graphiql.min.js", JAVASCRIPT,
            "graphiql.min.css", CSS,
            "react.production.min.js", JAVASCRIPT,
            "react-dom.production.min.js", JAVASCRIPT,
            "graphiql-init.js", JAVASCRIPT);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'self'";

    private final byte[] page;
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

    GraphiQLController(GraphiQLProperties properties) {
        this.page = read(PAGE).replace("{{config}}", config(properties)).getBytes(StandardCharsets.UTF_8);
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(page)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get(uri = "/assets/{name}", produces = MediaType.ALL)
    HttpResponse<byte[]> asset(@PathVariable String name) {
        MediaType type = ASSET_TYPES.get(name);
        if (type == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(assets.computeIfAbsent(name, n -> readBytes(ASSETS + n)))
                .contentType(type)
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The page's settings as JSON that cannot end its script element. */
    private static String config(GraphiQLProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpoint", "/graphql");
        if (properties.defaultQuery() != null) {
            config.put("defaultQuery", properties.defaultQuery());
        }
        try {
            return GatewayJson.MAPPER.writeValueAsString(config)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        return new String(readBytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = GraphiQLController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's jar; build it with Maven");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
