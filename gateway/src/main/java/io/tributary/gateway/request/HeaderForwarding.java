package io.tributary.gateway.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of a request's headers go to which service: those on the gateway-wide list to every service, and those a
 * service names (its API key, a tenant header) to the services that name them alone, so one service's credentials never
 * reach another. Names match without regard to case.
 *
 * @param everywhere the headers every service gets ({@code tributary.gateway.forwarded-headers})
 * @param byService  per service, the headers only the services that name them get
 *                   ({@code tributary.gateway.service-forwarded-headers.<service>})
 */
public record HeaderForwarding(List<String> everywhere, Map<String, List<String>> byService) {
    /** No per-service headers: whatever the request forwards goes to every service. */
    public static final HeaderForwarding EVERYWHERE = new HeaderForwarding(List.of(), Map.of());

    public HeaderForwarding {
        everywhere = List.copyOf(everywhere);
        Map<String, List<String>> copy = new TreeMap<>();
        byService.forEach((service, names) -> copy.put(service, List.copyOf(names)));
        byService = Collections.unmodifiableMap(copy);
    }

    /** Every header some service gets, each once whatever its spelling: what the gateway picks out of a request. */
    public List<String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        everywhere.forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        byService.values().forEach(list -> list.forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name)));
        return List.copyOf(names.values());
    }

    /**
     * The request's forwarded headers this service gets: all but those some service names that neither this service
     * names nor the gateway-wide list has.
     */
    public Map<String, String> to(String service, Map<String, String> forwarded) {
        if (byService.isEmpty()) {
            return forwarded;
        }
        Set<String> kept = lowerCase(everywhere);
        kept.addAll(lowerCase(byService.getOrDefault(service, List.of())));
        Set<String> named = lowerCase(byService.values().stream().flatMap(List::stream).toList());
        Map<String, String> to = new LinkedHashMap<>();
        forwarded.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!named.contains(lower) || kept.contains(lower)) {
                to.put(name, value);
            }
        });
        return to;
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
