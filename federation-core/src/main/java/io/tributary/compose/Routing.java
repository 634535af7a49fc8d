package io.tributary.compose;

import java.util.List;
import java.util.Optional;

/**
 * Everything besides the SDL the gateway needs to execute the schema: which REST call resolves each routed field,
 * and where each service answers. Kept out of the SDL so the published schema shows no internals.
 */
public record Routing(List<ServiceEndpoint> services, List<FieldRoute> fields) {

    public static final Routing EMPTY = new Routing(List.of(), List.of());

    public Routing {
        services = List.copyOf(services);
        fields = List.copyOf(fields);
    }

    public Optional<ServiceEndpoint> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }
}
