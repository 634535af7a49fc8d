package io.tributary.usage;

import java.util.List;
import java.util.Objects;

/**
 * One operation as a gateway saw it in an interval: its signature (the hash of its normalized document, literals
 * stripped), its name, the normalized document itself, so that a check can validate it against a candidate schema,
 * the schema coordinates it uses ({@code Type.field}, {@code Type.field(argument:)}), and who sent it how often.
 */
public record OperationUsage(String hash, String name, String document, List<String> coordinates, List<ClientUsage> clients) {
    public OperationUsage {
        Objects.requireNonNull(hash, "hash");
        name = name == null ? "" : name;
        Objects.requireNonNull(document, "document");
        coordinates = List.copyOf(coordinates);
        clients = List.copyOf(clients);
    }

    /** Executions by every client. */
    public long count() {
        return clients.stream().mapToLong(ClientUsage::count).sum();
    }
}
