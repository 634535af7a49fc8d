package io.tributary.gateway.rest.fetch;

import io.tributary.gateway.rest.client.ServiceTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Calls one finder of a resource for the reverse relations of a request ({@code Course.enrollments} via
 * {@code byCourseId(courseId=$id)}): the same arguments are called once, and when the finder takes a list for an
 * argument ({@code courseIds}, an Avro array) the parents of one level share calls of at most the batch size, whose
 * elements go back to each parent by that property ({@code courseIds} or {@code courseId}). Each parent's list holds
 * at most the list bound; pages hold at most the list bound too, so a shared call may take several pages.
 */
public final class FinderFetch {

    /** One finder call asked for: its arguments by REST parameter name, and the properties wanted (null for all). */
    record FinderArgs(Map<String, Object> arguments, List<String> fields) {
    }

    private final ServiceTarget target;
    private final OperationTemplate finder;
    private final String listParameter;
    private final int batchSize;
    private final int bound;

    public FinderFetch(ServiceTarget target, OperationTemplate finder, int batchSize, int bound) {
        this.target = target;
        this.finder = finder;
        this.listParameter = finder.operation().parameters().stream().map(io.tributary.catalog.Parameter::name)
                .filter(finder::acceptsList).findFirst().orElse(null);
        this.batchSize = batchSize;
        this.bound = bound;
    }

    public static String loaderName(String resource, String finder) {
        return "finder:" + resource + "/" + finder;
    }

    String service() {
        return target.service();
    }

    public boolean projects() {
        return finder.projection();
    }

    /** How many calls the reverse relations of this many parents take: shared calls of the batch size when the finder takes a list, else one each. */
    public long calls(long parents) {
        return listParameter != null ? Math.ceilDiv(parents, batchSize) : parents;
    }

    public DataLoader<FinderArgs, List<Map<String, Object>>> newLoader(String name, RequestScope scope) {
        MappedBatchLoader<FinderArgs, Try<List<Map<String, Object>>>> batch = keys -> load(keys, scope);
        return DataLoaderFactory.newMappedDataLoaderWithTry(name, batch, DataLoaderOptions.newDefaultOptions());
    }

    private CompletionStage<Map<FinderArgs, Try<List<Map<String, Object>>>>> load(Set<FinderArgs> keys, RequestScope scope) {
        Map<Map<String, Object>, List<FinderArgs>> batches = new LinkedHashMap<>();
        List<CompletableFuture<Map<FinderArgs, Try<List<Map<String, Object>>>>>> parts = new ArrayList<>();
        for (FinderArgs key : keys) {
            if (batchable(key)) {
                Map<String, Object> others = new HashMap<>(key.arguments());
                others.remove(listParameter);
                batches.computeIfAbsent(others, k -> new ArrayList<>()).add(key);
            } else {
                parts.add(alone(key, scope));
            }
        }
        batches.forEach((others, group) -> parts.addAll(together(others, group, scope)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<FinderArgs, Try<List<Map<String, Object>>>> answers = new HashMap<>();
            parts.forEach(part -> answers.putAll(part.join()));
            return answers;
        });
    }

    private boolean batchable(FinderArgs key) {
        return listParameter != null && key.arguments().get(listParameter) instanceof String;
    }

    private CompletableFuture<Map<FinderArgs, Try<List<Map<String, Object>>>>> alone(FinderArgs key, RequestScope scope) {
        return new PagedCall(scope, target, finder, key.arguments(), key.fields()).all(bound)
                .handle((elements, failure) -> Map.of(key, failure == null ? Try.succeeded(elements) : Try.failed(Failures.cause(failure))));
    }

    /** The keys that differ only in the list argument, in calls of at most the batch size. */
    private List<CompletableFuture<Map<FinderArgs, Try<List<Map<String, Object>>>>>> together(
            Map<String, Object> others, List<FinderArgs> group, RequestScope scope) {
        List<String> values = List.copyOf(new LinkedHashSet<>(group.stream().map(k -> (String) k.arguments().get(listParameter)).toList()));
        List<String> fields = withOwner(union(group));
        List<CompletableFuture<Map<FinderArgs, Try<List<Map<String, Object>>>>>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += batchSize) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + batchSize));
            Map<String, Object> arguments = new HashMap<>(others);
            arguments.put(listParameter, chunk);
            Set<String> inChunk = Set.copyOf(chunk);
            List<FinderArgs> keys = group.stream().filter(k -> inChunk.contains((String) k.arguments().get(listParameter))).toList();
            parts.add(new PagedCall(scope, target, finder, arguments, fields).all(bound * chunk.size(), bound)
                    .handle((elements, failure) -> distribute(keys, elements, failure)));
        }
        return parts;
    }

    private Map<FinderArgs, Try<List<Map<String, Object>>>> distribute(List<FinderArgs> keys, List<Map<String, Object>> elements,
                                                                       Throwable failure) {
        Map<FinderArgs, Try<List<Map<String, Object>>>> answers = new HashMap<>();
        if (failure != null) {
            keys.forEach(key -> answers.put(key, Try.failed(Failures.cause(failure))));
            return answers;
        }
        Map<String, List<Map<String, Object>>> byValue = new HashMap<>();
        String singular = singular(listParameter);
        for (Map<String, Object> element : elements) {
            Object owner = element.containsKey(listParameter) ? element.get(listParameter) : element.get(singular);
            if (owner instanceof List<?> owners) {
                owners.forEach(o -> byValue.computeIfAbsent(String.valueOf(o), v -> new ArrayList<>()).add(element));
            } else if (owner != null) {
                byValue.computeIfAbsent(String.valueOf(owner), v -> new ArrayList<>()).add(element);
            }
        }
        for (FinderArgs key : keys) {
            List<Map<String, Object>> mine = byValue.getOrDefault((String) key.arguments().get(listParameter), List.of());
            answers.put(key, Try.succeeded(mine.size() > bound ? mine.subList(0, bound) : mine));
        }
        return answers;
    }

    /** A narrowed batch call still needs the property that tells whose each element is. */
    private List<String> withOwner(List<String> fields) {
        if (fields == null) {
            return null;
        }
        TreeSet<String> withOwner = new TreeSet<>(fields);
        withOwner.add(singular(listParameter));
        return List.copyOf(withOwner);
    }

    private static List<String> union(List<FinderArgs> keys) {
        TreeSet<String> fields = new TreeSet<>();
        for (FinderArgs key : keys) {
            if (key.fields() == null) {
                return null;
            }
            fields.addAll(key.fields());
        }
        return List.copyOf(fields);
    }

    /** {@code courseIds} → {@code courseId}: the property an element names its parent by when the argument is a list. */
    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
