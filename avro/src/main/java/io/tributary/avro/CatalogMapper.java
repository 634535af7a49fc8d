package io.tributary.avro;

import io.tributary.avro.generated.CurationKind;
import io.tributary.avro.generated.ForwardLink;
import io.tributary.avro.generated.OperationKind;
import io.tributary.avro.generated.PaginationStyle;
import io.tributary.avro.generated.ParameterLocation;
import io.tributary.avro.generated.ParameterStyle;
import io.tributary.avro.generated.CallLink;
import io.tributary.avro.generated.ReverseLink;
import io.tributary.avro.generated.ServiceMemory;
import io.tributary.avro.generated.ThroughLink;
import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.Heartbeat;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.view.FoldState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Translates catalogs between the wire records and the core model. Reading validates: a record that breaks the
 * contract (bad names, a model that is not an Avro record) fails with {@link InvalidCatalogException}.
 */
public final class CatalogMapper {
    private static final int MAX_SHARED_SCHEMAS = 4_096;
    private static final int MAX_SHARED_SCHEMA_LENGTH = 512;
    private static final Map<String, Schema> SHARED_SCHEMAS = new ConcurrentHashMap<>();

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
                .setOperations(catalog.operations().stream().map(CatalogMapper::toWire).toList())
                .build();
    }

    public static ServiceCatalog toModel(io.tributary.avro.generated.ServiceCatalog wire) {
        return new ServiceCatalog(wire.getService(), wire.getInstanceId(), wire.getServiceVersion(), wire.getPublishedAt(),
                wire.getBaseUrl(), wire.getLeaseMillis(), wire.getResources().stream().map(CatalogMapper::toModel).toList(),
                wire.getOperations().stream().map(CatalogMapper::toModel).toList());
    }

    private static io.tributary.avro.generated.OperationField toWire(OperationField field) {
        return new io.tributary.avro.generated.OperationField(toWire(field.operation()), field.result().toString());
    }

    private static OperationField toModel(io.tributary.avro.generated.OperationField wire) {
        Operation operation = toModel(wire.getOperation());
        return new OperationField(operation, parse("result of " + operation.name(), wire.getResultSchema()));
    }

    public static io.tributary.avro.generated.InstanceHeartbeat toWire(Heartbeat heartbeat) {
        return new io.tributary.avro.generated.InstanceHeartbeat(heartbeat.service(), heartbeat.instanceId(),
                heartbeat.sentAt(), heartbeat.leaseMillis());
    }

    public static Heartbeat toModel(io.tributary.avro.generated.InstanceHeartbeat wire) {
        return new Heartbeat(wire.getService(), wire.getInstanceId(), wire.getSentAt(), wire.getLeaseMillis());
    }

    static io.tributary.avro.generated.Operation toWire(Operation op) {
        return io.tributary.avro.generated.Operation.newBuilder()
                .setKind(OperationKind.valueOf(op.kind().name()))
                .setName(op.name())
                .setHttpMethod(op.httpMethod())
                .setPath(op.path())
                .setParameters(op.parameters().stream().map(CatalogMapper::toWire).toList())
                .setPagination(new io.tributary.avro.generated.Pagination(PaginationStyle.valueOf(op.pagination().style().name()),
                        op.pagination().positionParameter(), op.pagination().sizeParameter()))
                .setEnvelope(new io.tributary.avro.generated.ResponseEnvelope(op.envelope().elements(), op.envelope().total(),
                        op.envelope().next()))
                .setProjection(op.projection())
                .setScopes(op.scopes())
                .setDeprecationReason(op.deprecationReason())
                .setDescription(op.description())
                .setBodyEncoding(io.tributary.avro.generated.BodyEncoding.valueOf(op.bodyEncoding().name()))
                .build();
    }

    static Operation toModel(io.tributary.avro.generated.Operation op) {
        io.tributary.avro.generated.Pagination paging = op.getPagination();
        io.tributary.avro.generated.ResponseEnvelope envelope = op.getEnvelope();
        return new Operation(io.tributary.catalog.OperationKind.valueOf(op.getKind().name()), op.getName(),
                op.getHttpMethod(), op.getPath(),
                op.getParameters().stream().map(CatalogMapper::toModel).toList(),
                new Pagination(Pagination.Style.valueOf(paging.getStyle().name()), paging.getPositionParameter(), paging.getSizeParameter()),
                new ResponseEnvelope(envelope.getElements(), envelope.getTotal(), envelope.getNext()),
                op.getProjection(), op.getScopes(), op.getDeprecationReason(), op.getDescription(),
                BodyEncoding.valueOf(op.getBodyEncoding().name()));
    }

    /** The style, wire name and constant travel only when they differ from the defaults, so older readers' catalogs stay as they were. */
    private static io.tributary.avro.generated.Parameter toWire(Parameter p) {
        return io.tributary.avro.generated.Parameter.newBuilder()
                .setName(p.name())
                .setSchema$(p.schema().toString())
                .setLocation(ParameterLocation.valueOf(p.location().name()))
                .setRequired(p.required())
                .setDescription(p.description())
                .setStyle(p.style() == Parameter.Style.defaultFor(p.location()) ? null : ParameterStyle.valueOf(p.style().name()))
                .setExplode(p.explode())
                .setWireName(p.wireName().equals(p.name()) ? "" : p.wireName())
                .setConstant(p.constant())
                .build();
    }

    private static Parameter toModel(io.tributary.avro.generated.Parameter p) {
        return new Parameter(p.getName(), parameterSchema(p.getName(), p.getSchema$()), Parameter.Location.valueOf(p.getLocation().name()),
                p.getRequired(), p.getDescription(), p.getStyle() == null ? null : Parameter.Style.valueOf(p.getStyle().name()),
                p.getExplode(), p.getWireName(), p.getConstant());
    }

    public static io.tributary.avro.generated.FoldState toWire(FoldState state) {
        return new io.tributary.avro.generated.FoldState(state.firstSeen().keySet().stream().sorted()
                .map(service -> new ServiceMemory(service, state.firstSeen().get(service),
                        state.lastGood().getOrDefault(service, List.of()).stream().map(CatalogMapper::toWire).toList(),
                        state.lastGoodOperations().getOrDefault(service, List.of()).stream().map(CatalogMapper::toWire).toList()))
                .toList());
    }

    public static FoldState toModel(io.tributary.avro.generated.FoldState wire) {
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, List<Resource>> lastGood = new HashMap<>();
        Map<String, List<OperationField>> lastGoodOperations = new HashMap<>();
        for (ServiceMemory memory : wire.getServices()) {
            firstSeen.put(memory.getService(), memory.getFirstSeen());
            lastGood.put(memory.getService(), memory.getLastGood().stream().map(CatalogMapper::toModel).toList());
            lastGoodOperations.put(memory.getService(), memory.getLastGoodOperations().stream().map(CatalogMapper::toModel).toList());
        }
        return new FoldState(firstSeen, lastGood, lastGoodOperations);
    }

    private static io.tributary.avro.generated.Resource toWire(Resource resource) {
        return io.tributary.avro.generated.Resource.newBuilder()
                .setName(resource.name())
                .setVersion(resource.version())
                .setDescription(resource.description())
                .setModelSchema(resource.model().toString())
                .setKeyField(resource.keyField())
                .setOperations(resource.operations().stream().map(CatalogMapper::toWire).toList())
                .setRelations(resource.relations().stream().map(CatalogMapper::toWire).toList())
                .setDeprecationReason(resource.deprecationReason())
                .build();
    }

    private static Resource toModel(io.tributary.avro.generated.Resource wire) {
        String qualified = wire.getName() + ".v" + wire.getVersion();
        return new Resource(wire.getName(), wire.getVersion(), wire.getDescription(),
                parse("model schema of " + qualified, wire.getModelSchema()),
                wire.getKeyField(), wire.getOperations().stream().map(CatalogMapper::toModel).toList(),
                wire.getRelations().stream().map(CatalogMapper::toModel).toList(), wire.getDeprecationReason());
    }

    public static io.tributary.avro.generated.CurationRule toWire(CurationRule rule) {
        var wire = io.tributary.avro.generated.CurationRule.newBuilder().setId(rule.id()).setValue("").setRelation(null);
        return switch (rule) {
            case CurationRule.RenameType r -> wire.setKind(CurationKind.RENAME_TYPE).setTarget(r.type()).setValue(r.newName()).build();
            case CurationRule.RenameField r -> wire.setKind(CurationKind.RENAME_FIELD).setTarget(r.coordinate()).setValue(r.newName()).build();
            case CurationRule.Hide r -> wire.setKind(CurationKind.HIDE).setTarget(r.coordinate()).build();
            case CurationRule.Describe r -> wire.setKind(CurationKind.DESCRIBE).setTarget(r.coordinate()).setValue(r.description()).build();
            case CurationRule.Deprecate r -> wire.setKind(CurationKind.DEPRECATE).setTarget(r.coordinate()).setValue(r.reason()).build();
            case CurationRule.AddRelation r -> wire.setKind(CurationKind.ADD_RELATION).setTarget(r.resource())
                    .setRelation(toWire(r.relation())).build();
        };
    }

    public static CurationRule toModel(io.tributary.avro.generated.CurationRule wire) {
        return switch (wire.getKind()) {
            case RENAME_TYPE -> new CurationRule.RenameType(wire.getId(), wire.getTarget(), wire.getValue());
            case RENAME_FIELD -> new CurationRule.RenameField(wire.getId(), wire.getTarget(), wire.getValue());
            case HIDE -> new CurationRule.Hide(wire.getId(), wire.getTarget());
            case DESCRIBE -> new CurationRule.Describe(wire.getId(), wire.getTarget(), wire.getValue());
            case DEPRECATE -> new CurationRule.Deprecate(wire.getId(), wire.getTarget(), wire.getValue());
            case ADD_RELATION -> {
                if (wire.getRelation() == null) {
                    throw new InvalidCatalogException("curation rule " + wire.getId() + " adds a relation but names none");
                }
                yield new CurationRule.AddRelation(wire.getId(), wire.getTarget(), toModel(wire.getRelation()));
            }
        };
    }

    private static io.tributary.avro.generated.Relation toWire(Relation relation) {
        Object link = switch (relation) {
            case Relation.Forward forward -> new ForwardLink(forward.sourceField(), forward.undeclared());
            case Relation.Reverse reverse -> new ReverseLink(reverse.finder(), Map.copyOf(reverse.arguments()));
            case Relation.Through through -> new ThroughLink(through.path());
            case Relation.Call call -> new CallLink(Map.copyOf(call.arguments()));
        };
        return new io.tributary.avro.generated.Relation(relation.field(), relation.target(), relation.description(), link);
    }

    private static Relation toModel(io.tributary.avro.generated.Relation wire) {
        return switch (wire.getLink()) {
            case ForwardLink forward -> new Relation.Forward(wire.getField(), wire.getTarget(), forward.getSourceField(),
                    forward.getUndeclared(), wire.getDescription());
            case ReverseLink reverse -> new Relation.Reverse(wire.getField(), wire.getTarget(), reverse.getFinder(),
                    reverse.getArguments(), wire.getDescription());
            case ThroughLink through -> new Relation.Through(wire.getField(), wire.getTarget(), through.getPath(), wire.getDescription());
            case CallLink call -> new Relation.Call(wire.getField(), wire.getTarget(), call.getArguments(), wire.getDescription());
            default -> throw new InvalidCatalogException("relation " + wire.getField() + " has an unknown link " + wire.getLink());
        };
    }

    /**
     * A parameter's schema, parsed once per JSON text while it is short: a Coursera-scale view repeats a few dozen
     * (a string, an integer, a list of ids) across its 4,000 routes, and parsing each again was a sixth of the time to
     * decode one. Schemas are not changed once parsed, so parameters can share them; the cache stops growing at
     * {@value #MAX_SHARED_SCHEMAS} entries, so hostile catalogs cannot grow it without end.
     */
    private static Schema parameterSchema(String parameter, String json) {
        Schema shared = SHARED_SCHEMAS.get(json);
        if (shared != null) {
            return shared;
        }
        Schema parsed = parse("parameter " + parameter, json);
        if (json.length() <= MAX_SHARED_SCHEMA_LENGTH && SHARED_SCHEMAS.size() < MAX_SHARED_SCHEMAS) {
            SHARED_SCHEMAS.putIfAbsent(json, parsed);
        }
        return parsed;
    }

    private static Schema parse(String what, String json) {
        try {
            return new Schema.Parser().parse(json);
        } catch (SchemaParseException e) {
            throw new InvalidCatalogException(what + " is not valid Avro: " + e.getMessage());
        }
    }
}
