package io.tributary.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import io.tributary.fold.LiveInstance;
import io.tributary.view.SchemaView;
import io.tributary.view.ServiceState;
import java.util.List;

/** Renders schema views and service states as readable JSON, for the aggregator's HTTP API and operators' output. */
public final class ViewJson {
    private static final ObjectMapper JSON = ReadableJson.MAPPER;

    private ViewJson() {
    }

    public static String view(SchemaView view) {
        ObjectNode node = JSON.createObjectNode()
                .put("graph", view.graph())
                .put("version", view.version())
                .put("hash", view.hash())
                .put("composedAt", view.composedAt().toString());
        if (view.cause() != null) {
            node.putObject("cause")
                    .put("kind", view.cause().kind().name())
                    .put("key", view.cause().key())
                    .put("topic", view.cause().topic())
                    .put("partition", view.cause().partition())
                    .put("offset", view.cause().offset());
        }
        node.set("services", services(view.services(), view.diagnostics()));
        node.set("diagnostics", diagnostics(view.diagnostics()));
        ArrayNode changes = node.putArray("changes");
        for (SchemaChange change : view.changes()) {
            changes.addObject().put("level", change.level().name()).put("category", change.category())
                    .put("coordinate", change.coordinate()).put("message", change.message());
        }
        node.put("sdl", view.sdl());
        return write(node);
    }

    public static String services(SchemaView view) {
        return write(services(view.services(), view.diagnostics()));
    }

    private static ArrayNode services(List<ServiceState> states, List<Diagnostic> diagnostics) {
        ArrayNode services = JSON.createArrayNode();
        for (ServiceState state : states) {
            ObjectNode service = services.addObject().put("service", state.service()).put("status", state.status().name());
            ArrayNode instances = service.putArray("instances");
            for (LiveInstance instance : state.instances()) {
                instances.addObject().put("instanceId", instance.instanceId()).put("version", instance.serviceVersion())
                        .put("baseUrl", instance.baseUrl());
            }
            service.set("diagnostics", diagnostics(diagnostics.stream()
                    .filter(d -> d.where().equals(state.service()) || d.where().startsWith(state.service() + ":")).toList()));
        }
        return services;
    }

    private static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode array = JSON.createArrayNode();
        for (Diagnostic d : diagnostics) {
            array.addObject().put("severity", d.severity().name()).put("code", d.code()).put("message", d.message())
                    .put("where", d.where());
        }
        return array;
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
