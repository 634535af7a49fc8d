package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads an OpenAPI 3.0 or 3.1 document (or a Swagger 2.0 one, converted) from a file or an http(s) URL with swagger-parser and maps it to catalog
 * resources: what a sidecar needs to publish a service that does not embed the publisher. A document that cannot be
 * read or parsed throws {@link InvalidOpenApiDocumentException} with the parser's messages; problems the parser
 * merely warns about become notes of the mapping.
 */
public final class OpenApiCatalogReader {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private OpenApiCatalogReader() {
    }

    /** Reads and maps the document at a file path, a {@code file:} URI or an {@code http(s)} URL. */
    public static OpenApiMapping read(String location) {
        return read(location, List.of());
    }

    /**
     * Reads and maps the document at a file path, a {@code file:} URI or an {@code http(s)} URL; header parameters of
     * these names are the client's, forwarded by the gateway, and no arguments.
     */
    public static OpenApiMapping read(String location, Collection<String> forwardedHeaders) {
        List<String> warnings = new ArrayList<>();
        OpenAPI document = parse(location, fetch(location), warnings);
        OpenApiMapping mapping = OpenApiMapper.map(document, forwardedHeaders);
        List<String> notes = new ArrayList<>(warnings.stream().map(w -> "parser: " + w).toList());
        notes.addAll(mapping.notes());
        return new OpenApiMapping(mapping.resources(), mapping.operations(), mapping.unmapped(), notes, mapping.documentVersion());
    }

    /** Parses a document's text; {@code location} names it in errors and resolves its relative {@code $ref}s. */
    public static OpenAPI parse(String location, String content) {
        return parse(location, content, new ArrayList<>());
    }

    private static OpenAPI parse(String location, String content, List<String> warnings) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // Keep "explode" unset when the document leaves it unset, so MULTI_GET can tell ids=a,b from ids=a&ids=b.
        options.setExplicitStyleAndExplode(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(content, null, options, location);
        if (result.getOpenAPI() == null || result.getOpenAPI().getOpenapi() == null) {
            SwaggerParseResult converted = new SwaggerConverter().readContents(content, null, options);
            if (converted.getOpenAPI() != null) {
                warnings.add("converted from Swagger 2.0 to OpenAPI " + converted.getOpenAPI().getOpenapi());
                result = converted;
            }
        }
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        OpenAPI document = result.getOpenAPI();
        if (document == null) {
            throw new InvalidOpenApiDocumentException(location, "not a readable OpenAPI 3.0, 3.1 or Swagger 2.0 document", messages);
        }
        if (document.getOpenapi() == null || !document.getOpenapi().startsWith("3.")) {
            throw new InvalidOpenApiDocumentException(location, "declares openapi '" + document.getOpenapi()
                    + "'; only OpenAPI 3.0 and 3.1 and Swagger 2.0 documents are read", messages);
        }
        warnings.addAll(messages);
        return document;
    }

    /** The document's text, from a file or over HTTP. */
    static String fetch(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return fetchUrl(location);
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidOpenApiDocumentException(location, "no such file (" + path.toAbsolutePath() + ")", List.of());
        } catch (IOException e) {
            throw new InvalidOpenApiDocumentException(location, "cannot read the file: " + e, List.of());
        }
    }

    private static String fetchUrl(String location) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(location)).timeout(FETCH_TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            throw new InvalidOpenApiDocumentException(location, "not a valid URL: " + e.getMessage(), List.of());
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new InvalidOpenApiDocumentException(location, "GET answered " + response.statusCode(), List.of());
            }
            return response.body();
        } catch (IOException e) {
            throw new InvalidOpenApiDocumentException(location, "cannot fetch it: " + e, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidOpenApiDocumentException(location, "interrupted while fetching it", List.of());
        }
    }
}
