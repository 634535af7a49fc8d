package io.tributary.avro;

import io.tributary.avro.generated.ChangeLevel;
import io.tributary.avro.generated.EventKind;
import io.tributary.avro.generated.ForwardLink;
import io.tributary.avro.generated.CallLink;
import io.tributary.avro.generated.ReverseLink;
import io.tributary.avro.generated.RootLink;
import io.tributary.avro.generated.RouteShape;
import io.tributary.avro.generated.Severity;
import io.tributary.avro.generated.ThroughLink;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import io.tributary.compose.ServiceEndpoint;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import io.tributary.fold.LiveInstance;
import io.tributary.fold.ServiceStatus;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ServiceState;
import java.util.List;
import java.util.Map;

/** Translates schema views between the wire record and the core model. */
public final class ViewMapper {
    private ViewMapper() {
    }

    public static io.tributary.avro.generated.SchemaView toWire(SchemaView view) {
        return withRoutes(view, view.routing().fields().stream().map(ViewMapper::toWire).toList());
    }

    /** The view's wire record with no routes, for {@link ViewEncoder}, which writes them itself. */
    static io.tributary.avro.generated.SchemaView toWireWithoutRoutes(SchemaView view) {
        return withRoutes(view, List.of());
    }

    private static io.tributary.avro.generated.SchemaView withRoutes(SchemaView view, List<io.tributary.avro.generated.FieldRoute> routes) {
        return io.tributary.avro.generated.SchemaView.newBuilder()
                .setGraph(view.graph())
                .setVersion(view.version())
                .setHash(view.hash())
                .setComposedAt(view.composedAt())
                .setSdl(view.sdl())
                .setServices(view.services().stream().map(s -> toWire(s, view.routing())).toList())
                .setRoutes(routes)
                .setDiagnostics(view.diagnostics().stream().map(d -> io.tributary.avro.generated.Diagnostic.newBuilder()
                        .setSeverity(Severity.valueOf(d.severity().name()))
                        .setCode(d.code())
                        .setMessage(d.message())
                        .setWhere(d.where())
                        .build()).toList())
                .setFailedServices(view.failedServices())
                .setChanges(view.changes().stream().map(c -> new io.tributary.avro.generated.SchemaChange(
                        ChangeLevel.valueOf(c.level().name()), c.category(), c.coordinate(), c.message())).toList())
                .setCause(view.cause() == null ? null : new io.tributary.avro.generated.Cause(
                        view.cause().topic(), view.cause().partition(), view.cause().offset(), view.cause().key(),
                        EventKind.valueOf(view.cause().kind().name())))
                .setProperties(new java.util.TreeMap<>(view.routing().properties()))
                .build();
    }

    public static SchemaView toModel(io.tributary.avro.generated.SchemaView wire) {
        return toModel(wire, wire.getRoutes().stream().map(ViewMapper::toModel).toList());
    }

    /** The view of a wire record whose routes were read apart ({@link ViewDecoder}); the record's own are ignored. */
    static SchemaView toModel(io.tributary.avro.generated.SchemaView wire, List<FieldRoute> routes) {
        List<ServiceState> services = wire.getServices().stream()
                .map(s -> new ServiceState(s.getService(), ServiceStatus.valueOf(s.getStatus().name()),
                        s.getInstances().stream()
                                .map(i -> new LiveInstance(i.getInstanceId(), i.getServiceVersion(), i.getBaseUrl()))
                                .toList()))
                .toList();
        List<ServiceEndpoint> endpoints = wire.getServices().stream()
                .map(s -> new ServiceEndpoint(s.getService(), s.getBaseUrls()))
                .toList();
        List<Diagnostic> diagnostics = wire.getDiagnostics().stream()
                .map(d -> new Diagnostic(Diagnostic.Severity.valueOf(d.getSeverity().name()), d.getCode(), d.getMessage(), d.getWhere()))
                .toList();
        io.tributary.avro.generated.Cause cause = wire.getCause();
        return new SchemaView(wire.getGraph(), wire.getVersion(), wire.getHash(), wire.getComposedAt(), wire.getSdl(),
                new Routing(endpoints, routes, wire.getProperties()), services, diagnostics, wire.getFailedServices(),
                wire.getChanges().stream().map(c -> new SchemaChange(SchemaChange.Level.valueOf(c.getLevel().name()),
                        c.getCategory(), c.getCoordinate(), c.getMessage())).toList(),
                cause == null ? null : new Cause(cause.getTopic(), cause.getPartition(), cause.getOffset(), cause.getKey(),
                        Cause.EventKind.valueOf(cause.getKind().name())));
    }

    private static io.tributary.avro.generated.ServiceState toWire(ServiceState state, Routing routing) {
        return io.tributary.avro.generated.ServiceState.newBuilder()
                .setService(state.service())
                .setStatus(io.tributary.avro.generated.ServiceStatus.valueOf(state.status().name()))
                .setBaseUrls(routing.service(state.service()).map(ServiceEndpoint::baseUrls).orElse(List.of()))
                .setInstances(state.instances().stream()
                        .map(i -> new io.tributary.avro.generated.LiveInstance(i.instanceId(), i.serviceVersion(), i.baseUrl()))
                        .toList())
                .build();
    }

    static FieldRoute toModel(io.tributary.avro.generated.FieldRoute r) {
        return new FieldRoute(r.getParentType(), r.getField(), r.getService(), r.getResource(), r.getKeyField(),
                CatalogMapper.toModel(r.getOperation()), FieldRoute.Shape.valueOf(r.getShape().name()), toModel(r.getLink()));
    }

    static io.tributary.avro.generated.FieldRoute toWire(FieldRoute route) {
        return io.tributary.avro.generated.FieldRoute.newBuilder()
                .setParentType(route.parentType())
                .setField(route.field())
                .setService(route.service())
                .setResource(route.resource())
                .setKeyField(route.keyField())
                .setOperation(CatalogMapper.toWire(route.operation()))
                .setShape(RouteShape.valueOf(route.shape().name()))
                .setLink(toWire(route.link()))
                .build();
    }

    private static Object toWire(FieldRoute.Link link) {
        return switch (link) {
            case FieldRoute.Link.Root root -> new RootLink(Map.copyOf(root.arguments()));
            // A route reads its source field from the service's JSON, declared or not.
            case FieldRoute.Link.Forward forward -> new ForwardLink(forward.sourceField(), false);
            case FieldRoute.Link.Reverse reverse -> new ReverseLink("", Map.copyOf(reverse.arguments()));
            case FieldRoute.Link.Through through -> new ThroughLink(through.hops());
            case FieldRoute.Link.Call call -> new CallLink(Map.copyOf(call.arguments()));
        };
    }

    private static FieldRoute.Link toModel(Object link) {
        return switch (link) {
            case RootLink root -> new FieldRoute.Link.Root(root.getArguments());
            case ForwardLink forward -> new FieldRoute.Link.Forward(forward.getSourceField());
            case ReverseLink reverse -> new FieldRoute.Link.Reverse(reverse.getArguments());
            case ThroughLink through -> new FieldRoute.Link.Through(through.getPath());
            case CallLink call -> new FieldRoute.Link.Call(call.getArguments());
            default -> throw new IllegalArgumentException("unknown route link " + link);
        };
    }
}
