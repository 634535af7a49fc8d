package io.tributary.catalog;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one running instance of a service says about itself: the resources it serves, the operations that fit no
 * resource, and where to reach it. The unit a publisher sends and the aggregator folds; the only source of truth for
 * the graph.
 */
public record ServiceCatalog(
        String service,
        String instanceId,
        String serviceVersion,
        Instant publishedAt,
        String baseUrl,
        long leaseMillis,
        List<Resource> resources,
        List<OperationField> operations) {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._:-]+");

    public ServiceCatalog {
        Names.require(service, SERVICE_NAME, "service name");
        Names.require(instanceId, INSTANCE_ID, "instance id of " + service);
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (leaseMillis <= 0) {
            throw new InvalidCatalogException("lease of " + service + "/" + instanceId + " must be positive, was " + leaseMillis);
        }
        resources = List.copyOf(resources);
        Set<String> seen = new HashSet<>();
        for (Resource resource : resources) {
            if (!seen.add(resource.qualifiedName())) {
                throw new InvalidCatalogException(service + "/" + instanceId + " declares " + resource.qualifiedName() + " twice");
            }
        }
        operations = List.copyOf(operations);
        Set<String> fields = new HashSet<>();
        for (OperationField operation : operations) {
            if (!fields.add((operation.isQuery() ? "Query." : "Mutation.") + operation.name())) {
                throw new InvalidCatalogException(service + "/" + instanceId + " declares the operation field " + operation.name() + " twice");
            }
        }
    }

    /** A catalog of resources only, as a service that follows the resource conventions throughout publishes. */
    public ServiceCatalog(String service, String instanceId, String serviceVersion, Instant publishedAt, String baseUrl,
                          long leaseMillis, List<Resource> resources) {
        this(service, instanceId, serviceVersion, publishedAt, baseUrl, leaseMillis, resources, List.of());
    }

    /** The key this instance's events carry on the catalog topic: {@code service/instanceId}. */
    public String instanceKey() {
        return instanceKey(service, instanceId);
    }

    public static String instanceKey(String service, String instanceId) {
        return service + "/" + instanceId;
    }
}
