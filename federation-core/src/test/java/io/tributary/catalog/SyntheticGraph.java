package io.tributary.catalog;

import io.tributary.catalog.Parameter.Location;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;

/**
 * A synthetic graph of any size, for the benchmarks: {@code services} services sharing {@code resources} resources
 * evenly, each resource a record of eight fields and a nested record, served by a get, a multi-get and a paged list.
 * {@link #COURSERA} is the size of Coursera's graph (70 services, 1,000 resources, about 5,000 types). Versions of a
 * service differ in its first resource: version {@code n} adds the fields {@code release2} to {@code releaseN}, so a
 * deploy, and a rollback, changes the schema.
 *
 * @param services  how many services
 * @param resources how many resources in all, spread over the services
 */
public record SyntheticGraph(int services, int resources) {
    /** Coursera's size: 70 services, 1,000 resources. */
    public static final SyntheticGraph COURSERA = new SyntheticGraph(70, 1_000);
    /** A lease long enough that an instance that sends no heartbeats stays for the length of any benchmark. */
    public static final long DAY_MILLIS = 86_400_000;

    public SyntheticGraph {
        if (services < 1 || resources < services) {
            throw new IllegalArgumentException("need at least one service and one resource per service, was " + services
                    + " services and " + resources + " resources");
        }
    }

    /** Version 1 of every service, instance {@code i-1}, a lease of 30 s: the graph as one fold sees it. */
    public List<ServiceCatalog> catalogs() {
        return IntStream.range(0, services).mapToObj(s -> catalog(s, 1, "i-1", 30_000)).toList();
    }

    /** The name of the service at this index: {@code service0}, {@code service1}, ... */
    public String service(int index) {
        return "service" + index;
    }

    /** One instance of the service at {@code index} publishing {@code version} of its catalog. */
    public ServiceCatalog catalog(int index, int version, String instanceId, long leaseMillis) {
        List<Resource> served = new ArrayList<>();
        for (int r = index * resources / services; r < (index + 1) * resources / services; r++) {
            int release = served.isEmpty() ? version : 1;
            served.add(resource("s" + index + "things" + r, "S" + index + "Thing" + r, release));
        }
        return new ServiceCatalog(service(index), instanceId, "1." + (version - 1) + ".0", Instant.EPOCH, "http://localhost",
                leaseMillis, served);
    }

    private static Resource resource(String name, String type, int release) {
        StringBuilder fields = new StringBuilder("{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Identifies it.\"}");
        for (int f = 0; f < 6; f++) {
            fields.append(", {\"name\": \"field").append(f).append("\", \"type\": \"string\", \"doc\": \"A field.\"}");
        }
        for (int r = 2; r <= release; r++) {
            fields.append(", {\"name\": \"release").append(r).append("\", \"type\": \"string\", \"doc\": \"Added in release ")
                    .append(r).append(".\"}");
        }
        fields.append(", {\"name\": \"detail\", \"doc\": \"Nested.\", \"type\": {\"type\": \"record\", \"name\": \"").append(type)
                .append("Detail\", \"doc\": \"Detail.\", \"fields\": [{\"name\": \"x\", \"type\": \"int\", \"doc\": \"X.\"}]}}");
        Schema model = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + type + "\", \"doc\": \"A thing.\", \"fields\": [" + fields + "]}");
        return new Resource(name, 1, "Things.", model, "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/" + name + "/{id}")
                        .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "The id."))).build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/" + name)
                        .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, "The ids.")))
                        .envelope(ResponseEnvelope.NAPTIME).build(),
                Operation.builder(OperationKind.GET_ALL, "GET", "/" + name).pagination(Pagination.OFFSET)
                        .envelope(ResponseEnvelope.NAPTIME).build()));
    }
}
