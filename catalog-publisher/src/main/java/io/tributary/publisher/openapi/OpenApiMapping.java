package io.tributary.publisher.openapi;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an OpenAPI document becomes: the resources of a catalog, the operations that fit no resource as operation
 * fields, every operation left out with its reason, notes on
 * what was mapped with a compromise (a dropped property, an enum read as a string, an invalid relation), and the
 * document's {@code info.version} (empty when it has none), the service version a sidecar publishes by default. The
 * report counts the left-out operations by {@link UnmappedOperation.Category}, so an owner sees what each missing
 * capability costs.
 */
public record OpenApiMapping(List<Resource> resources, List<OperationField> operations, List<UnmappedOperation> unmapped,
                             List<String> notes, String documentVersion) {
    public OpenApiMapping {
        documentVersion = documentVersion == null ? "" : documentVersion;
        resources = List.copyOf(resources);
        operations = List.copyOf(operations);
        unmapped = List.copyOf(unmapped);
        notes = List.copyOf(notes);
    }

    /** A report for people: how many resources and operations were mapped, then each unmapped operation and note. */
    public String report() {
        long resourceOperations = resources.stream().mapToLong(r -> r.operations().size()).sum();
        StringBuilder out = new StringBuilder()
                .append("Mapped ").append(resources.size()).append(resources.size() == 1 ? " resource" : " resources")
                .append(" with ").append(resourceOperations).append(resourceOperations == 1 ? " operation" : " operations");
        if (!resources.isEmpty()) {
            out.append(": ").append(String.join(", ", resources.stream().map(Resource::qualifiedName).toList()));
        }
        out.append(".\n");
        if (!operations.isEmpty()) {
            out.append("Mapped ").append(operations.size()).append(operations.size() == 1 ? " operation field: " : " operation fields: ")
                    .append(String.join(", ", operations.stream().map(OperationField::name).toList())).append(".\n");
        }
        if (unmapped.isEmpty()) {
            out.append("Every operation was mapped.\n");
        } else {
            out.append(unmapped.size()).append(unmapped.size() == 1 ? " operation was" : " operations were").append(" not mapped:\n");
            unmapped.forEach(u -> out.append("  ").append(u).append('\n'));
            Map<UnmappedOperation.Category, Long> byCategory = unmapped.stream().collect(Collectors.groupingBy(UnmappedOperation::category,
                    () -> new EnumMap<>(UnmappedOperation.Category.class), Collectors.counting()));
            out.append("By reason: ").append(String.join(", ", byCategory.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().label()).toList())).append(".\n");
        }
        if (!notes.isEmpty()) {
            out.append("Notes:\n");
            notes.forEach(n -> out.append("  ").append(n).append('\n'));
        }
        return out.toString();
    }
}
