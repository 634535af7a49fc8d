package io.tributary.gateway.http;

import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.GatewayJson;
import io.tributary.gateway.request.Caller;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.security.CallerResolver;
import io.tributary.gateway.security.InvalidTokenException;
import io.tributary.gateway.security.TokenKeysUnavailableException;
import io.tributary.gateway.tracing.RequestSpan;
import io.tributary.gateway.tracing.Tracing;
import io.tributary.gateway.trusted.DocumentRefused;
import io.tributary.gateway.trusted.PersistedDocuments;
import io.tributary.gateway.usage.ClientHeaders;
import io.tributary.operations.DocumentHash;
import io.tributary.text.Printable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /graphql} as the GraphQL-over-HTTP spec has it: POST with a JSON body, GET for queries, the response in
 * {@code application/graphql-response+json} or {@code application/json} as the client accepts, and a GraphQL error
 * with a fitting status for every request it cannot execute, which names no internal URL or setting (those go to the
 * log). A request runs on the graph served when it arrived, carrying the caller's verified identity and the
 * allowlisted headers. A request naming a persisted document runs the document its hash resolves to; with trusted
 * documents on, nothing else runs.
 */
@Controller("/graphql")
@Requires(env = Gateway.ENVIRONMENT)
public class GraphQLController {
    private static final Logger LOG = LoggerFactory.getLogger(GraphQLController.class);

    private final GraphHolder holder;
    private final CallerResolver callers;
    private final ForwardedHeaders forwardedHeaders;
    private final ClientHeaders clientHeaders;
    private final PersistedDocuments persisted;
    private final Tracing tracing;

    GraphQLController(GraphHolder holder, CallerResolver callers, ForwardedHeaders forwardedHeaders, ClientHeaders clientHeaders,
                      PersistedDocuments persisted, Tracing tracing) {
        this.holder = holder;
        this.callers = callers;
        this.forwardedHeaders = forwardedHeaders;
        this.clientHeaders = clientHeaders;
        this.persisted = persisted;
        this.tracing = tracing;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> post(HttpRequest<?> http, @Nullable @Body byte[] body) {
        return handle(http, () -> {
            requireJson(http.getHeaders().get(HttpHeaders.CONTENT_TYPE));
            return GraphQLRequest.fromJson(GatewayJson.MAPPER, body);
        }, false);
    }

    @Get(produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> get(HttpRequest<?> http) {
        return handle(http, () -> GraphQLRequest.fromParameters(GatewayJson.MAPPER, http.getParameters().asMap()), true);
    }

    private HttpResponse<byte[]> handle(HttpRequest<?> http, Supplier<GraphQLRequest> read, boolean get) {
        long arrived = tracing.now();
        Optional<ResponseFormat> format = ResponseFormat.negotiate(http.getHeaders().getAll(HttpHeaders.ACCEPT));
        if (format.isEmpty()) {
            traceRefusal(http, arrived, null, GraphQLResponses.NOT_ACCEPTABLE);
            return GraphQLResponses.rejection(ResponseFormat.JSON, GraphQLResponses.NOT_ACCEPTABLE);
        }
        GraphQLRequest request = null;
        boolean executing = false;
        try {
            request = read.get();
            request = document(request, format.get());
            ExecutableGraph graph = holder.current().orElseThrow(() -> new HttpRejection(HttpStatus.SERVICE_UNAVAILABLE,
                    "SCHEMA_NOT_LOADED", "No schema is loaded yet: the gateway has not received a view of its graph."));
            Caller caller = caller(http.getHeaders().get(HttpHeaders.AUTHORIZATION));
            if (get && request.operationKind().filter(OperationDefinition.Operation.MUTATION::equals).isPresent()) {
                throw new HttpRejection(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                        "Mutations cannot be sent with GET; use POST.", Map.of(HttpHeaders.ALLOW, "POST"));
            }
            executing = true;
            try (RequestSpan span = tracing.enabled() ? span(http, arrived, request, graph) : RequestSpan.NONE) {
                ExecutionResult result = graph.execute(new GatewayRequest(request.query(), request.operationName(), request.variables(),
                        forwardedHeaders.from(http.getHeaders()), caller, clientHeaders.from(http.getHeaders()::get)));
                span.errors(result.getErrors());
                return GraphQLResponses.result(format.get(), result);
            }
        } catch (HttpRejection rejection) {
            traceRefusal(http, arrived, request, rejection);
            return GraphQLResponses.rejection(format.get(), rejection);
        } catch (RuntimeException e) {
            LOG.error("Could not execute a request", e);
            HttpRejection failure = new HttpRejection(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR",
                    "The gateway failed to execute the request.");
            if (!executing) {
                traceRefusal(http, arrived, request, failure);
            }
            return GraphQLResponses.rejection(format.get(), failure);
        }
    }

    /** The request's span, a child of the client's trace context, current while the request executes. */
    private RequestSpan span(HttpRequest<?> http, long arrived, GraphQLRequest request, ExecutableGraph graph) {
        String type = request.operationKind().map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse(null);
        return tracing.request(http.getHeaders()::get, arrived, type, request.operationName(), DocumentHash.of(request.query()),
                graph.view().graph(), graph.view().version());
    }

    /**
     * A request refused before it executed still gets its span, failed, with what the client was told: the error code,
     * the HTTP status and the reason; with what is known of the operation by then ({@code request} is null when the
     * request could not be read; its document is null when it named a persisted document that was not found).
     */
    private void traceRefusal(HttpRequest<?> http, long arrived, GraphQLRequest request, HttpRejection rejection) {
        if (!tracing.enabled()) {
            return;
        }
        ExecutableGraph graph = holder.current().orElse(null);
        String type = request == null ? null : request.operationKind().map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse(null);
        try (RequestSpan span = tracing.request(http.getHeaders()::get, arrived, type, request == null ? null : request.operationName(),
                request == null ? null : request.query() == null ? request.documentId() : DocumentHash.of(request.query()),
                graph == null ? null : graph.view().graph(),
                graph == null ? 0 : graph.view().version())) {
            span.failed(rejection.code(), rejection.status().getCode(), rejection.getMessage());
        }
    }

    /** The request with the document it runs: its own, or the persisted one its id names; refused ones never execute. */
    private GraphQLRequest document(GraphQLRequest request, ResponseFormat format) {
        try {
            return request.withQuery(persisted.resolve(request.query(), request.documentId()));
        } catch (DocumentRefused refused) {
            HttpStatus status = format == ResponseFormat.JSON ? HttpStatus.OK
                    : refused.code().equals(DocumentRefused.NOT_ALLOWED) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
            throw new HttpRejection(status, refused.code(), refused.getMessage());
        }
    }

    private Caller caller(String authorization) {
        try {
            return callers.resolve(authorization);
        } catch (InvalidTokenException e) {
            throw new HttpRejection(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The bearer token is not valid: " + e.getMessage(),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\""
                            + headerSafe(e.getMessage()) + "\""));
        } catch (TokenKeysUnavailableException e) {
            LOG.warn("Could not verify a bearer token: {}", Printable.of(e.getMessage()));
            throw new HttpRejection(HttpStatus.SERVICE_UNAVAILABLE, "TOKEN_KEYS_UNAVAILABLE",
                    "The gateway cannot verify tokens right now: the keys to verify them with are unavailable.");
        }
    }

    private static void requireJson(String contentType) {
        if (!isUtf8Json(contentType)) {
            throw new HttpRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", (contentType == null
                    ? "The request has no Content-Type" : "Content-Type " + contentType + " is not supported")
                    + "; send the GraphQL request as application/json in UTF-8.");
        }
    }

    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.of(contentType);
            String charset = type.getParameters().get("charset").orElse("utf-8").toLowerCase(Locale.ROOT);
            return type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON) && (charset.equals("utf-8") || charset.equals("utf8"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 6750 allows no quotes or backslashes in error_description. */
    private static String headerSafe(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "'");
    }
}
