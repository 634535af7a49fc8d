package io.tributary.gateway.rest.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.Try;

/**
 * Resolves a through relation ({@code Course.partners} along {@code instructors.partner}) for all parents of a level
 * at once: each hop loads through the loader of the relation it follows, for every parent together, and dispatches
 * it once, so a path of n hops costs n rounds of batched calls however many parents there are. The elements of the
 * last hop are distinct by key.
 */
public final class ThroughFetch {

    /** A parent to follow the path from, and the properties wanted of what it ends at (null for all); equal only to itself. */
    static final class ThroughKey {
        final Map<String, Object> parent;
        final List<String> fields;

        ThroughKey(Map<String, Object> parent, List<String> fields) {
            this.parent = parent;
            this.fields = fields;
        }
    }

    private final List<RelationLoad> hops;
    private final List<List<String>> hopFields;
    private final String keyField;

    /**
     * @param hops      the relations of the path, in order
     * @param hopFields for every hop but the last, the properties its elements must keep for the next hop (null for all)
     * @param keyField  the key of the elements the path ends at
     */
    public ThroughFetch(List<RelationLoad> hops, List<List<String>> hopFields, String keyField) {
        this.hops = List.copyOf(hops);
        this.hopFields = new ArrayList<>(hopFields);
        this.keyField = keyField;
    }

    public static String loaderName(String coordinate) {
        return "through:" + coordinate;
    }

    /** The parent properties the first hop starts from. */
    List<String> needs() {
        return hops.getFirst().needs();
    }

    public DataLoader<ThroughKey, List<Map<String, Object>>> newLoader(String name, RequestScope scope) {
        BatchLoader<ThroughKey, Try<List<Map<String, Object>>>> batch = keys -> load(keys, scope);
        return DataLoaderFactory.newDataLoaderWithTry(name, batch, DataLoaderOptions.newOptions().setCachingEnabled(false).build());
    }

    private CompletionStage<List<Try<List<Map<String, Object>>>>> load(List<ThroughKey> keys, RequestScope scope) {
        List<Try<List<Map<String, Object>>>> parents = new ArrayList<>(keys.size());
        keys.forEach(key -> parents.add(Try.succeeded(List.of(key.parent))));
        CompletableFuture<List<Try<List<Map<String, Object>>>>> level = CompletableFuture.completedFuture(parents);
        for (int hop = 0; hop < hops.size(); hop++) {
            int at = hop;
            level = level.thenCompose(current -> step(at, keys, current, scope));
        }
        return level.thenApply(ends -> ends.stream().map(end -> end.map(this::distinct)).toList());
    }

    /** Loads one hop for every parent, then dispatches its loader once. */
    private CompletableFuture<List<Try<List<Map<String, Object>>>>> step(int hop, List<ThroughKey> keys,
                                                                          List<Try<List<Map<String, Object>>>> current,
                                                                          RequestScope scope) {
        RelationLoad relation = hops.get(hop);
        DataLoader<Object, Object> loader = scope.loader(relation.loaderName());
        List<CompletableFuture<Try<List<Map<String, Object>>>>> next = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            Try<List<Map<String, Object>>> from = current.get(k);
            if (from.isFailure()) {
                next.add(CompletableFuture.completedFuture(from));
                continue;
            }
            List<String> fields = hop == hops.size() - 1 ? keys.get(k).fields : hopFields.get(hop);
            List<CompletableFuture<List<Map<String, Object>>>> loads = from.get().stream()
                    .map(element -> relation.load(loader, element, fields)).toList();
            next.add(CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .handle((done, failure) -> failure != null ? Try.failed(Failures.cause(failure))
                            : Try.succeeded(loads.stream().flatMap(l -> l.join().stream()).toList())));
        }
        loader.dispatch();
        return CompletableFuture.allOf(next.toArray(CompletableFuture[]::new))
                .thenApply(done -> next.stream().map(CompletableFuture::join).toList());
    }

    private List<Map<String, Object>> distinct(List<Map<String, Object>> elements) {
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> element : elements) {
            byKey.putIfAbsent(String.valueOf(element.get(keyField)), element);
        }
        return List.copyOf(byKey.values());
    }
}
