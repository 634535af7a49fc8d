package io.tributary.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything besides the SDL the gateway needs to execute the schema: which REST call resolves each routed field,
 * where each service answers, and which fields read a JSON property of another name (fields curation renamed).
 * Kept out of the SDL so the published schema shows no internals.
 */
public record Routing(List<ServiceEndpoint> services, List<FieldRoute> fields, Map<String, String> properties) {

    public static final Routing EMPTY = new Routing(List.of(), List.of(), Map.of());

    public Routing {
        services = List.copyOf(services);
        fields = List.copyOf(fields);
        properties = Map.copyOf(properties);
    }

    public Routing(List<ServiceEndpoint> services, List<FieldRoute> fields) {
        this(services, fields, Map.of());
    }

    public Optional<ServiceEndpoint> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }
}
