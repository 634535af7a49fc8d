package io.tributary.gateway.rest.fetch;

import io.tributary.gateway.rest.fetch.FinderFetch.FinderArgs;
import io.tributary.gateway.rest.fetch.ResourceFetch.ById;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * How one forward or reverse relation loads the elements of one parent through the request's loaders, without
 * dispatching them: a through relation chains these hop by hop, dispatching each hop once for all its parents.
 */
public sealed interface RelationLoad {

    /** The loader this relation loads through. */
    String loaderName();

    /** The parent's properties the relation starts from, which a narrowed parent call must keep. */
    List<String> needs();

    /** The parent's related elements; missing ones are left out. */
    CompletableFuture<List<Map<String, Object>>> load(DataLoader<Object, Object> loader, Map<String, Object> parent, List<String> fields);

    /** Ids in the parent's {@code sourceField} (one, or a list), fetched by id. */
    record Forward(String sourceField, String loaderName) implements RelationLoad {
        @Override
        public List<String> needs() {
            return List.of(sourceField);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletableFuture<List<Map<String, Object>>> load(DataLoader<Object, Object> loader, Map<String, Object> parent,
                                                                 List<String> fields) {
            Object ids = parent.get(sourceField);
            if (ids instanceof List<?> list) {
                List<Object> keys = new ArrayList<>(list.size());
                for (Object id : list) {
                    if (id != null) {
                        keys.add(new ById(String.valueOf(id), fields));
                    }
                }
                return loader.loadMany(keys).thenApply(found -> (List<Map<String, Object>>) (List<?>) found.stream()
                        .filter(Objects::nonNull).toList());
            }
            if (ids == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            return loader.load(new ById(String.valueOf(ids), fields))
                    .thenApply(found -> found == null ? List.of() : List.of((Map<String, Object>) found));
        }
    }

    /**
     * A finder of the target, its arguments filled from the parent: {@code courseId = $id}, or from a property nested
     * in the parent: {@code username = $owner.username}.
     */
    record Reverse(Map<String, String> templates, String loaderName) implements RelationLoad {
        @Override
        public List<String> needs() {
            return ParentArguments.needs(templates);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletableFuture<List<Map<String, Object>>> load(DataLoader<Object, Object> loader, Map<String, Object> parent,
                                                                 List<String> fields) {
            FinderArgs key = key(parent, fields);
            if (key == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            return loader.load(key).thenApply(found -> (List<Map<String, Object>>) found);
        }

        /** The finder call for this parent; null when the parent lacks a value the call needs. */
        FinderArgs key(Map<String, Object> parent, List<String> fields) {
            Map<String, Object> arguments = ParentArguments.of(templates, parent);
            return arguments == null ? null : new FinderArgs(arguments, fields);
        }
    }
}
