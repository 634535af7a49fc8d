package io.tributary.gateway.rest.fetch;

import graphql.schema.DataFetchingEnvironment;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.client.RestResponse;
import io.tributary.gateway.rest.client.ServiceTarget;
import io.tributary.gateway.rest.plan.RestResolution;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * Everything one GraphQL request shares while it resolves over REST: its data loaders (one per target resource,
 * finder or through relation, made when the request first needs it), the headers it forwards, the GET calls it
 * already made, so two identical calls are made once, and how many calls it made, so it makes no more than its cap. It is the request's {@link DataLoaderRegistry}, which
 * graphql-java dispatches level by level.
 */
public final class RequestScope extends DataLoaderRegistry {
    private final Map<String, BiFunction<String, RequestScope, DataLoader<?, ?>>> loaderFactories;
    private final RestClient client;
    private final Map<String, String> headers;
    private final Map<CallKey, CompletableFuture<RestResponse>> gets = new ConcurrentHashMap<>();
    private final int maxCalls;
    private final AtomicInteger calls = new AtomicInteger();

    public RequestScope(Map<String, BiFunction<String, RequestScope, DataLoader<?, ?>>> loaderFactories, RestClient client,
                 Map<String, String> headers, int maxCalls) {
        this.loaderFactories = loaderFactories;
        this.client = client;
        this.headers = headers;
        this.maxCalls = maxCalls;
    }

    /** The scope of the request a field belongs to. */
    static RequestScope of(DataFetchingEnvironment env) {
        if (env.getDataLoaderRegistry() instanceof RequestScope scope) {
            return scope;
        }
        throw new IllegalStateException("the request's data loader registry was not made by RestResolution.newRequestRegistry");
    }

    /**
     * The request's loader of this name, made on first use. Fields load through {@link #loader(DataFetchingEnvironment, String)}
     * so graphql-java sees the load and dispatches it with its level.
     */
    <K, V> DataLoader<K, V> loader(String name) {
        return computeIfAbsent(name, n -> {
            BiFunction<String, RequestScope, DataLoader<?, ?>> factory = loaderFactories.get(n);
            if (factory == null) {
                throw new IllegalStateException("no data loader " + n + " in this view");
            }
            return factory.apply(n, this);
        });
    }

    /** The loader as the field's environment hands it out, after making sure the request has it. */
    static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String name) {
        of(env).loader(name);
        return env.getDataLoader(name);
    }

    /**
     * Sends a request, or joins the identical GET this GraphQL request already sent; a request beyond the most calls
     * one GraphQL request may make fails with {@link DownstreamCallsExceeded} and is not sent.
     */
    CompletableFuture<RestResponse> send(ServiceTarget target, RestRequest request) {
        if (!request.isGet()) {
            return sendNow(target, request);
        }
        return gets.computeIfAbsent(new CallKey(target.service(), request.target(), request.headers()), key -> sendNow(target, request));
    }

    private CompletableFuture<RestResponse> sendNow(ServiceTarget target, RestRequest request) {
        if (maxCalls > 0 && calls.getAndUpdate(made -> made < maxCalls ? made + 1 : made) >= maxCalls) {
            return CompletableFuture.failedFuture(new DownstreamCallsExceeded(maxCalls));
        }
        try {
            return client.send(target.call(request), headers);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A GET as two requests compare it: which service, which path and query, which parameter headers. */
    private record CallKey(String service, String target, Map<String, String> headers) {
    }
}
