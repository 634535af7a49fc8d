package io.tributary.gateway.rest.fetch;

import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.fetch.OperationTemplate.QueryParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.MappedBatchLoader;
import org.dataloader.Try;

/**
 * Fetches elements of one resource by id, for every GET and forward relation of a request: all ids asked at one
 * level go out together as MULTI_GET calls of at most the batch size (a lone id as a GET when the resource has one;
 * a GET per id when it has no MULTI_GET), and the answers are matched to the ids by the key field. An id the service
 * does not have loads as null.
 */
public final class ResourceFetch {

    /** One element asked for: its id, and the properties wanted (null for all). */
    record ById(String id, List<String> fields) {
    }

    private final String resource;
    private final ServiceTarget target;
    private final OperationTemplate get;
    private final OperationTemplate multiGet;
    private final String keyField;
    private final int batchSize;

    public ResourceFetch(String resource, ServiceTarget target, OperationTemplate get, OperationTemplate multiGet, String keyField,
                  int batchSize) {
        this.resource = resource;
        this.target = target;
        this.get = get != null && get.pathParameter() != null ? get : null;
        this.multiGet = multiGet != null && multiGet.queryParameter() != null ? multiGet : null;
        this.keyField = keyField;
        this.batchSize = batchSize;
        if (this.get == null && this.multiGet == null) {
            throw new IllegalArgumentException(resource + " has neither a GET with a path id nor a MULTI_GET with an ids parameter");
        }
    }

    public static String loaderName(String resource) {
        return "resource:" + resource;
    }

    String resource() {
        return resource;
    }

    String service() {
        return target.service();
    }

    ServiceTarget target() {
        return target;
    }

    String keyField() {
        return keyField;
    }

    /** Whether calls can be narrowed with {@code fields=}. */
    public boolean projects() {
        return (get != null && get.projection()) || (multiGet != null && multiGet.projection());
    }

    /** How many calls fetching this many ids takes: MULTI_GETs of at most the batch size, else a GET each. */
    public long calls(long ids) {
        return multiGet != null ? Math.ceilDiv(ids, batchSize) : ids;
    }

    public DataLoader<ById, Map<String, Object>> newLoader(String name, RequestScope scope) {
        MappedBatchLoader<ById, Try<Map<String, Object>>> batch = keys -> load(keys, scope);
        return DataLoaderFactory.newMappedDataLoaderWithTry(name, batch, DataLoaderOptions.newDefaultOptions());
    }

    private CompletionStage<Map<ById, Try<Map<String, Object>>>> load(Set<ById> keys, RequestScope scope) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        TreeSet<String> fields = new TreeSet<>();
        boolean everything = false;
        for (ById key : keys) {
            ids.add(key.id());
            if (key.fields() == null) {
                everything = true;
            } else {
                fields.addAll(key.fields());
            }
        }
        List<String> wanted = everything ? null : List.copyOf(fields);
        List<String> all = List.copyOf(ids);
        List<CompletableFuture<Map<String, Try<Map<String, Object>>>>> parts = new ArrayList<>();
        if (multiGet != null && (all.size() > 1 || get == null)) {
            for (int from = 0; from < all.size(); from += batchSize) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + batchSize));
                parts.add(tried(chunk, multiGet(scope, chunk, wanted)));
            }
        } else {
            for (String id : all) {
                parts.add(tried(List.of(id), get(scope, id, wanted)));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Try<Map<String, Object>>> byId = new HashMap<>();
            parts.forEach(part -> byId.putAll(part.join()));
            Map<ById, Try<Map<String, Object>>> answers = new HashMap<>();
            for (ById key : keys) {
                answers.put(key, byId.get(key.id()));
            }
            return answers;
        });
    }

    private CompletableFuture<Map<String, Map<String, Object>>> multiGet(RequestScope scope, List<String> ids, List<String> fields) {
        RestRequest request = multiGet.request(Map.of(multiGet.queryParameter(), ids), projection(multiGet, fields));
        return scope.send(target, request).thenApply(response -> {
            Map<String, Map<String, Object>> found = new HashMap<>();
            if (!response.isNotFound()) {
                for (Map<String, Object> element : multiGet.envelope().elements(response.json())) {
                    found.put(String.valueOf(element.get(keyField)), element);
                }
            }
            return found;
        });
    }

    private CompletableFuture<Map<String, Map<String, Object>>> get(RequestScope scope, String id, List<String> fields) {
        RestRequest request;
        try {
            request = get.request(Map.of(get.pathParameter(), id), projection(get, fields));
        } catch (InvalidArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return scope.send(target, request).thenApply(response -> {
            Map<String, Object> element = response.isNotFound() ? null : get.envelope().element(response.json());
            return element == null ? Map.of() : Map.of(id, element);
        });
    }

    private static List<QueryParam> projection(OperationTemplate operation, List<String> fields) {
        return operation.projection() && fields != null ? List.of(QueryParam.list("fields", fields)) : List.of();
    }

    /** Each id of the call: its element (null when absent), or the call's failure. */
    private static CompletableFuture<Map<String, Try<Map<String, Object>>>> tried(List<String> ids,
                                                                                  CompletableFuture<Map<String, Map<String, Object>>> call) {
        return call.handle((found, failure) -> {
            Map<String, Try<Map<String, Object>>> answers = new HashMap<>();
            for (String id : ids) {
                answers.put(id, failure == null ? Try.succeeded(found.get(id)) : Try.failed(Failures.cause(failure)));
            }
            return answers;
        });
    }
}
