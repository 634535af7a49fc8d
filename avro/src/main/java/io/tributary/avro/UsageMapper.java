package io.tributary.avro;

import io.tributary.avro.generated.ClientUsage;
import io.tributary.avro.generated.OperationUsage;
import io.tributary.avro.generated.UsageReport;

/** Usage reports between the core model and the wire. */
final class UsageMapper {
    private UsageMapper() {
    }

    static UsageReport toWire(io.tributary.usage.UsageReport r) {
        return new UsageReport(r.gatewayId(), r.graph(), r.from(), r.to(), r.operations().stream().map(o -> new OperationUsage(o.hash(),
                o.name(), o.document(), o.coordinates(), o.clients().stream().map(c -> new ClientUsage(c.client(), c.version(), c.count(),
                c.errors(), c.latency())).toList())).toList(), r.droppedOperations());
    }

    static io.tributary.usage.UsageReport toModel(UsageReport w) {
        return new io.tributary.usage.UsageReport(w.getGatewayId(), w.getGraph(), w.getFrom(), w.getTo(), w.getOperations().stream()
                .map(o -> new io.tributary.usage.OperationUsage(o.getHash(), o.getName(), o.getDocument(), o.getCoordinates(),
                        o.getClients().stream().map(c -> new io.tributary.usage.ClientUsage(c.getClient(), c.getVersion(), c.getCount(),
                                c.getErrors(), c.getLatency())).toList())).toList(), w.getDroppedOperations());
    }
}
