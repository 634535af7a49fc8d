package io.tributary.avro;

import io.tributary.avro.generated.OperationKind;
import io.tributary.avro.generated.ParameterLocation;
import io.tributary.catalog.Operation;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Translates catalogs between the wire records and the core model. Reading validates: a record that breaks the
 * contract (bad names, a model that is not an Avro record) fails with {@link io.tributary.catalog.InvalidCatalogException}.
 */
public final class CatalogMapper {
    private CatalogMapper() {
    }

    public static io.tributary.avro.generated.ServiceCatalog toWire(ServiceCatalog catalog) {
        return io.tributary.avro.generated.ServiceCatalog.newBuilder()
                .setService(catalog.service())
                .setInstanceId(catalog.instanceId())
                .setServiceVersion(catalog.serviceVersion())
                .setPublishedAt(catalog.publishedAt())
                .setBaseUrl(catalog.baseUrl())
                .setLeaseMillis(catalog.leaseMillis())
                .setResources(catalog.resources().stream().map(CatalogMapper::toWire).toList())
                .build();
    }

    public static ServiceCatalog toModel(io.tributary.avro.generated.ServiceCatalog wire) {
        return new ServiceCatalog(wire.getService(), wire.getInstanceId(), wire.getServiceVersion(), wire.getPublishedAt(),
                wire.getBaseUrl(), wire.getLeaseMillis(), wire.getResources().stream().map(CatalogMapper::toModel).toList());
    }

    static io.tributary.avro.generated.Operation toWire(Operation op) {
        return io.tributary.avro.generated.Operation.newBuilder()
                .setKind(OperationKind.valueOf(op.kind().name()))
                .setName(op.name())
                .setHttpMethod(op.httpMethod())
                .setPath(op.path())
                .setParameters(op.parameters().stream().map(p -> io.tributary.avro.generated.Parameter.newBuilder()
                        .setName(p.name())
                        .setType(p.type())
                        .setLocation(ParameterLocation.valueOf(p.location().name()))
                        .setRequired(p.required())
                        .setDescription(p.description())
                        .build()).toList())
                .setDescription(op.description())
                .build();
    }

    static Operation toModel(io.tributary.avro.generated.Operation op) {
        return new Operation(io.tributary.catalog.OperationKind.valueOf(op.getKind().name()), op.getName(),
                op.getHttpMethod(), op.getPath(),
                op.getParameters().stream().map(p -> new Parameter(p.getName(), p.getType(),
                        Parameter.Location.valueOf(p.getLocation().name()), p.getRequired(), p.getDescription())).toList(),
                op.getDescription());
    }

    private static io.tributary.avro.generated.Resource toWire(Resource resource) {
        return io.tributary.avro.generated.Resource.newBuilder()
                .setName(resource.name())
                .setVersion(resource.version())
                .setDescription(resource.description())
                .setModelSchema(resource.model().toString())
                .setKeyField(resource.keyField())
                .setOperations(resource.operations().stream().map(CatalogMapper::toWire).toList())
                .build();
    }

    private static Resource toModel(io.tributary.avro.generated.Resource wire) {
        return new Resource(wire.getName(), wire.getVersion(), wire.getDescription(),
                parseModel(wire.getName() + ".v" + wire.getVersion(), wire.getModelSchema()),
                wire.getKeyField(), wire.getOperations().stream().map(CatalogMapper::toModel).toList());
    }

    private static Schema parseModel(String resource, String json) {
        try {
            return new Schema.Parser().parse(json);
        } catch (SchemaParseException e) {
            throw new io.tributary.catalog.InvalidCatalogException("model schema of " + resource + " is not valid Avro: " + e.getMessage());
        }
    }
}
