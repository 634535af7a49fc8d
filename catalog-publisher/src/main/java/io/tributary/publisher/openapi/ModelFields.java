package io.tributary.publisher.openapi;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.publisher.openapi.UnmappedOperation.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps apart the GraphQL fields named after a model. GET, CREATE, UPDATE, PATCH, DELETE and ACTION fields take the
 * model's name ({@code userDelete}), so two resources with one model ({@code users} and {@code /user/following},
 * both of {@code User}) would define the same field and the composer would drop one of them whole. The resource named
 * after the model keeps such fields; another's same-named operation is reported instead.
 */
final class ModelFields {
    private ModelFields() {
    }

    static List<Resource> withoutClashes(List<Resource> resources, List<UnmappedOperation> unmapped) {
        Map<String, String> owners = new HashMap<>();
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : resources.stream().sorted(Comparator.comparing((Resource r) -> !isNamedAfterItsModel(r))
                .thenComparing(Resource::qualifiedName)).toList()) {
            List<Operation> operations = new ArrayList<>();
            for (Operation operation : resource.operations()) {
                if (!isNamedAfterTheModel(operation.kind())) {
                    operations.add(operation);
                    continue;
                }
                String field = resource.modelName() + " " + operation.kind() + " " + operation.name();
                String owner = owners.putIfAbsent(field, resource.qualifiedName());
                if (owner == null) {
                    operations.add(operation);
                } else {
                    unmapped.add(new UnmappedOperation(operation.httpMethod(), operation.path(), Category.OPERATION_FIELD,
                            "as " + operation.kind() + (operation.name().isEmpty() ? "" : " " + operation.name()) + " of "
                                    + resource.qualifiedName() + " its field would be named after the model " + resource.modelName()
                                    + ", as the same field of " + owner + " already is"));
                }
            }
            if (!operations.isEmpty()) {
                kept.add(new Resource(resource.name(), resource.version(), resource.description(), resource.model(), resource.keyField(),
                        operations, resource.relations(), resource.deprecationReason()));
            }
        }
        return kept;
    }

    private static boolean isNamedAfterItsModel(Resource resource) {
        return resource.name().equals(Identifiers.plural(Identifiers.camel(resource.modelName())));
    }

    private static boolean isNamedAfterTheModel(OperationKind kind) {
        return switch (kind) {
            case MULTI_GET, GET_ALL, FINDER -> false;
            default -> true;
        };
    }
}
