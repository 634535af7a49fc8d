package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.GraphComposer;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes an operation field of every OpenAPI operation no resource took, unless what kept it out keeps a field out
 * too (HEAD and OPTIONS, callbacks, an inconsistent document), so nothing a service serves is dropped for not
 * following the resource conventions. Each field is named noun first ({@link CallNames}); a name that a resource's
 * field or another operation field already has gives way to the next, as a trial composition of the whole document
 * shows, and a field whose types cannot join the graph is reported instead.
 */
final class CallFields {
    private static final Set<Category> FINAL = EnumSet.of(Category.NO_FIELD, Category.CALLBACK, Category.INVALID);
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String TRIAL = "openapi";
    private static final int ROUNDS = 8;

    private final OpenAPI document;
    private final CallTranslator calls;
    private final String basePath;

    CallFields(OpenAPI document, CallTranslator calls, String basePath) {
        this.document = document;
        this.calls = calls;
        this.basePath = basePath;
    }

    /** One operation on its way to a field: its names to try, which one it has now, and the field under that name. */
    private static final class Pending {
        final HttpMethod method;
        final String path;
        final List<String> names;
        final OperationField translated;
        int choice;

        Pending(HttpMethod method, String path, List<String> names, OperationField translated) {
            this.method = method;
            this.path = path;
            this.names = new ArrayList<>(names);
            this.translated = translated;
        }

        String name() {
            return names.get(choice);
        }

        String root() {
            return translated.isQuery() ? "Query" : "Mutation";
        }

        OperationField field() {
            return new OperationField(translated.operation().withName(name()), translated.result());
        }
    }

    /** The operation fields of the document; takes the operations they cover out of {@code unmapped}, and adds those refused. */
    List<OperationField> fields(List<Resource> resources, List<UnmappedOperation> unmapped) {
        Set<String> mapped = new HashSet<>();
        resources.forEach(r -> r.operations().forEach(o -> mapped.add(o.httpMethod() + " " + o.path())));
        List<Pending> pending = new ArrayList<>();
        new TreeMap<>(document.getPaths() == null ? Map.<String, PathItem>of() : document.getPaths()).forEach((path, item) -> {
            Map<HttpMethod, io.swagger.v3.oas.models.Operation> byMethod = item.readOperationsMap();
            for (HttpMethod method : METHODS) {
                io.swagger.v3.oas.models.Operation operation = byMethod.get(method);
                String request = method.name() + " " + path;
                List<UnmappedOperation> reasons = unmapped.stream().filter(u -> (u.method() + " " + u.path()).equals(request)).toList();
                if (operation == null || mapped.contains(method.name() + " " + Parameters.pathWithArgumentNames(path)) || reasons.stream().anyMatch(u -> FINAL.contains(u.category()))) {
                    continue;
                }
                List<String> names = CallNames.of(method, PathShape.of(path, basePath), operation.getOperationId());
                try {
                    OperationField field = calls.translate(names.getFirst(), path, item, method, operation);
                    unmapped.removeAll(reasons);
                    pending.add(new Pending(method, path, names, field));
                } catch (Unmappable e) {
                    unmapped.removeAll(reasons);
                    unmapped.add(new UnmappedOperation(method.name(), path, e.category(), e.getMessage()));
                }
            }
        });
        nameApart(pending);
        return settle(resources, pending, unmapped);
    }

    /** Gives each its first name no earlier one on the same root type has. */
    private static void nameApart(List<Pending> pending) {
        Set<String> taken = new HashSet<>();
        List<Pending> unnamed = new ArrayList<>();
        for (Pending call : pending) {
            while (call.choice < call.names.size() && taken.contains(call.root() + "." + call.name())) {
                call.choice++;
            }
            if (call.choice == call.names.size()) {
                unnamed.add(call);
                call.choice = 0;
                continue;
            }
            taken.add(call.root() + "." + call.name());
        }
        for (Pending call : unnamed) {
            int n = 2;
            while (taken.contains(call.root() + "." + call.names.getFirst() + n)) {
                n++;
            }
            call.names.add(call.names.getFirst() + n);
            call.choice = call.names.size() - 1;
            taken.add(call.root() + "." + call.name());
        }
    }

    /**
     * Composes the document's catalog until no field clashes with a resource's; drops what cannot join the graph, and
     * after a few rounds what still clashes.
     */
    private static List<OperationField> settle(List<Resource> resources, List<Pending> pending, List<UnmappedOperation> unmapped) {
        List<Pending> kept = new ArrayList<>(pending);
        for (int round = 0; ; round++) {
            List<OperationField> fields = kept.stream().map(Pending::field).toList();
            ServiceCatalog trial = new ServiceCatalog(TRIAL, "trial", "", Instant.EPOCH, "http://localhost", 1, resources, fields);
            ComposedGraph graph = new GraphComposer().compose(List.of(EffectiveCatalog.of(List.of(trial))));
            boolean changed = false;
            for (Diagnostic diagnostic : graph.diagnostics()) {
                Pending call = kept.stream().filter(c -> diagnostic.where().equals(TRIAL + ":" + c.name())).findFirst().orElse(null);
                if (call == null || diagnostic.severity() != Diagnostic.Severity.ERROR) {
                    continue;
                }
                changed = true;
                if (diagnostic.code().equals("FIELD_CONFLICT") && round < ROUNDS && next(call, kept)) {
                    continue;
                }
                kept.remove(call);
                unmapped.add(new UnmappedOperation(call.method.name(), call.path, Category.NOT_COMPOSABLE,
                        "as the operation field " + call.name() + ": " + diagnostic.message()));
            }
            if (!changed) {
                return fields;
            }
        }
    }

    /** Moves a call on to its next name no other call has; false when it has none left. */
    private static boolean next(Pending call, List<Pending> all) {
        while (call.choice + 1 < call.names.size()) {
            call.choice++;
            String name = call.name();
            if (all.stream().noneMatch(other -> other != call && other.root().equals(call.root()) && other.name().equals(name))) {
                return true;
            }
        }
        return false;
    }
}
