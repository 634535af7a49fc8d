package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Header parameters that are the client's to send rather than arguments: the document's API keys in a header
 * ({@code apiKey} security schemes {@code in: header}, such as Apideck's tenant header {@code x-apideck-consumer-id})
 * and any header the operator names. The gateway forwards them from the client's request to this service when its
 * configuration says so ({@code tributary.gateway.service-forwarded-headers.<service>}); as no argument
 * sets them, they keep no GET from being its resource's GET.
 */
final class ClientHeaders {
    private final Set<String> names = new TreeSet<>();
    private final Set<String> met = new TreeSet<>();

    private ClientHeaders(Collection<String> names) {
        names.forEach(name -> this.names.add(name.toLowerCase(Locale.ROOT)));
    }

    /** The document's API-key headers and the named ones. */
    static ClientHeaders of(OpenAPI document, Collection<String> named) {
        ClientHeaders headers = new ClientHeaders(named);
        if (document.getComponents() != null && document.getComponents().getSecuritySchemes() != null) {
            document.getComponents().getSecuritySchemes().values().stream()
                    .filter(scheme -> scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER
                            && scheme.getName() != null)
                    .forEach(scheme -> headers.names.add(scheme.getName().toLowerCase(Locale.ROOT)));
        }
        return headers;
    }

    /** Whether a parameter in {@code in} named so is the client's header; remembers the ones met, for {@link #note()}. */
    boolean contains(String in, String name) {
        boolean client = "header".equals(in) && names.contains(name.toLowerCase(Locale.ROOT));
        if (client) {
            met.add(name);
        }
        return client;
    }

    /** What the operator must configure for the parameters left to the client; empty when there were none. */
    Optional<String> note() {
        return met.isEmpty() ? Optional.empty() : Optional.of("no argument sets the header " + String.join(", ", met)
                + ": the client sends it, and the gateway forwards it when"
                + " tributary.gateway.service-forwarded-headers.<service> names it");
    }
}
