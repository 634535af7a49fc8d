package io.tributary.fold;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import java.util.Comparator;
import java.util.List;

/**
 * What a service can answer right now, whichever of its live instances the load balancer picks: the one catalog
 * its instances agree on, or during a rolling deploy or rollback only what every live instance serves.
 */
public record EffectiveCatalog(String service, ServiceStatus status, List<LiveInstance> instances, List<Resource> resources,
                               List<OperationField> operations) {

    public EffectiveCatalog {
        instances = List.copyOf(instances);
        resources = List.copyOf(resources);
        operations = List.copyOf(operations);
    }

    /** Folds the live instances of one service (at least one) into its effective catalog. */
    public static EffectiveCatalog of(List<ServiceCatalog> live) {
        if (live.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one live instance");
        }
        List<ServiceCatalog> sorted = live.stream().sorted(Comparator.comparing(ServiceCatalog::instanceId)).toList();
        String service = sorted.getFirst().service();
        List<Resource> resources = sorted.getFirst().resources();
        List<OperationField> operations = sorted.getFirst().operations();
        boolean agree = true;
        for (ServiceCatalog other : sorted.subList(1, sorted.size())) {
            if (agree && other.resources() == resources && other.operations() == operations) {
                // The very same catalog (decoded once for every instance that publishes it): the intersection is itself.
                continue;
            }
            agree &= other.resources().equals(resources) && other.operations().equals(operations);
            resources = CatalogIntersection.of(resources, other.resources());
            operations = operations.stream().filter(other.operations()::contains).toList();
        }
        List<LiveInstance> instances = sorted.stream()
                .map(c -> new LiveInstance(c.instanceId(), c.serviceVersion(), c.baseUrl()))
                .toList();
        return new EffectiveCatalog(service, agree ? ServiceStatus.STABLE : ServiceStatus.ROLLING, instances, resources,
                operations);
    }

    /** The distinct base URLs of the live instances, sorted: where the gateway sends this service's calls. */
    public List<String> baseUrls() {
        if (instances.size() == 1) {
            return List.of(instances.getFirst().baseUrl());
        }
        return instances.stream().map(LiveInstance::baseUrl).distinct().sorted().toList();
    }
}
