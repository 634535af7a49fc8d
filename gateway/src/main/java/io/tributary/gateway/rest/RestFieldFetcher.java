package io.tributary.gateway.rest;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tributary.catalog.Operation;
import io.tributary.catalog.Parameter;
import io.tributary.compose.FieldRoute;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Resolves a routed field with one REST call: GET {@code /courses/{id}} for a single element, and MULTI_GET
 * {@code /courses?ids=a,b} for many, answered in the order of the ids asked.
 */
final class RestFieldFetcher implements DataFetcher<CompletableFuture<DataFetcherResult<Object>>> {
    private final FieldRoute route;
    private final Supplier<String> baseUrl;
    private final RestClient client;

    RestFieldFetcher(FieldRoute route, Supplier<String> baseUrl, RestClient client) {
        this.route = route;
        this.baseUrl = baseUrl;
        this.client = client;
    }

    /** Whether this fetcher can resolve the route: root GET and MULTI_GET, for now. */
    static boolean resolves(FieldRoute route) {
        return route.link() instanceof FieldRoute.Link.Root
                && (route.operation().kind() == io.tributary.catalog.OperationKind.GET
                || route.operation().kind() == io.tributary.catalog.OperationKind.MULTI_GET);
    }

    @Override
    public CompletableFuture<DataFetcherResult<Object>> get(DataFetchingEnvironment env) {
        Operation op = route.operation();
        return switch (op.kind()) {
            case GET -> client.get(route.service(), uri(expand(op.path(), pathParameter(op), env.getArgument("id")), ""))
                    .thenApply(found -> result(found.orElse(null)));
            case MULTI_GET -> {
                List<String> ids = env.getArgument("ids");
                String query = queryParameter(op) + "=" + encode(String.join(",", ids));
                yield client.get(route.service(), uri(op.path(), query))
                        .thenApply(found -> result(inOrderOf(ids, elements(found.orElse(null)))));
            }
            default -> throw new IllegalStateException("no REST translation for " + op.kind() + " yet: " + route.coordinate());
        };
    }

    private URI uri(String path, String query) {
        String base = baseUrl.get();
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static DataFetcherResult<Object> result(Object data) {
        return DataFetcherResult.newResult().data(data).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(Object body) {
        if (body instanceof Map<?, ?> envelope && envelope.get("elements") instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        if (body instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }

    private List<Map<String, Object>> inOrderOf(List<String> ids, List<Map<String, Object>> elements) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        elements.forEach(e -> byKey.put(String.valueOf(e.get(route.keyField())), e));
        return ids.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    private static String pathParameter(Operation op) {
        return op.parameters().stream().filter(p -> p.location() == Parameter.Location.PATH).map(Parameter::name)
                .findFirst().orElse("id");
    }

    private static String queryParameter(Operation op) {
        return op.parameters().stream().filter(p -> p.location() == Parameter.Location.QUERY).map(Parameter::name)
                .findFirst().orElse("ids");
    }

    private static String expand(String template, String parameter, Object value) {
        return template.replace("{" + parameter + "}", encode(String.valueOf(value)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
