package io.tributary.avro;

import io.tributary.avro.generated.CurationRule;
import io.tributary.avro.generated.FoldState;
import io.tributary.avro.generated.GatewayBrokenOperation;
import io.tributary.avro.generated.GatewayStatus;
import io.tributary.avro.generated.InstanceHeartbeat;
import io.tributary.avro.generated.RegisteredOperation;
import io.tributary.avro.generated.SchemaView;
import io.tributary.avro.generated.ServiceCatalog;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of Tributary's topics, reading and writing core model values. */
public final class TributarySerdes {
    private TributarySerdes() {
    }

    /** Reads catalogs every publisher version wrote: the current schema, and the earlier ones by their fingerprints. */
    private static final BinaryMessageDecoder<ServiceCatalog> CATALOG_DECODER =
            ServiceCatalog.createDecoder(WriterSchemas.earlier("ServiceCatalog-1.avsc", "ServiceCatalog-2.avsc", "ServiceCatalog-3.avsc",
                    "ServiceCatalog-4.avsc"));
    /** Reads the fold state every aggregator version wrote. */
    private static final BinaryMessageDecoder<FoldState> FOLD_STATE_DECODER = FoldState.createDecoder(WriterSchemas.earlier("FoldState-1.avsc", "FoldState-2.avsc", "FoldState-3.avsc", "FoldState-4.avsc"));

    /** Values of {@code tributary.catalog}. */
    public static Serde<io.tributary.catalog.ServiceCatalog> catalog() {
        SingleObjectSerde<io.tributary.catalog.ServiceCatalog, ServiceCatalog> whole =
                new SingleObjectSerde<>(ServiceCatalog.getEncoder(), CATALOG_DECODER, CatalogMapper::toWire, CatalogMapper::toModel);
        return Serdes.serdeFrom(whole.serializer(), (topic, bytes) -> bytes == null ? null : CatalogDecoder.decode(bytes, whole::decode));
    }

    /** Values of {@code tributary.heartbeat}. */
    public static Serde<io.tributary.catalog.Heartbeat> heartbeat() {
        return new SingleObjectSerde<>(InstanceHeartbeat.getEncoder(), InstanceHeartbeat.getDecoder(),
                CatalogMapper::toWire, CatalogMapper::toModel);
    }

    /** The aggregator's fold state, in its state store and changelog. */
    public static Serde<io.tributary.view.FoldState> foldState() {
        return new SingleObjectSerde<>(FoldState.getEncoder(), FOLD_STATE_DECODER, CatalogMapper::toWire, CatalogMapper::toModel);
    }

    /** The fold settings an aggregator writes to the catalog topic when it starts. */
    public static Serde<io.tributary.view.FoldSettings> foldSettings() {
        return new SingleObjectSerde<>(io.tributary.avro.generated.FoldSettings.getEncoder(),
                io.tributary.avro.generated.FoldSettings.getDecoder(), FoldSettingsMapper::toWire, FoldSettingsMapper::toModel);
    }

    /** Values of {@code tributary.curation}. */
    public static Serde<io.tributary.curation.CurationRule> curation() {
        return new SingleObjectSerde<>(CurationRule.getEncoder(), CURATION_DECODER, CatalogMapper::toWire, CatalogMapper::toModel);
    }

    /** Reads curation rules every version wrote (the topic is compacted: a rule lives as long as it is not removed). */
    private static final BinaryMessageDecoder<CurationRule> CURATION_DECODER = CurationRule.createDecoder(WriterSchemas.earlier("CurationRule-1.avsc", "CurationRule-2.avsc"));

    /** Values of {@code tributary.gateway-status}. */
    public static Serde<io.tributary.status.GatewayStatus> gatewayStatus() {
        return new SingleObjectSerde<>(GatewayStatus.getEncoder(), GATEWAY_STATUS_DECODER, TributarySerdes::toWire, TributarySerdes::toModel);
    }

    /** Reads the statuses every gateway version wrote: the current schema, and the earlier ones by their fingerprints. */
    private static final BinaryMessageDecoder<GatewayStatus> GATEWAY_STATUS_DECODER =
            GatewayStatus.createDecoder(WriterSchemas.earlier("GatewayStatus-1.avsc", "GatewayStatus-2.avsc"));

    private static GatewayStatus toWire(io.tributary.status.GatewayStatus s) {
        return new GatewayStatus(s.gatewayId(), s.graph(), s.viewVersion(), s.hash(), s.appliedAt(), s.lagMillis(),
                s.brokenOperations(), s.refusedVersion(), s.refusedReason(), s.reportedAt(),
                s.connection() == io.tributary.status.GatewayStatus.Connection.UNKNOWN ? "" : s.connection().name(),
                s.connectionSince(), s.skippedOperations(), s.namedBrokenOperations().stream()
                        .map(b -> new GatewayBrokenOperation(b.name(), b.hash(), b.excerpt(), b.reason())).toList());
    }

    private static io.tributary.status.GatewayStatus toModel(GatewayStatus w) {
        return new io.tributary.status.GatewayStatus(w.getGatewayId(), w.getGraph(), w.getViewVersion(), w.getHash(),
                w.getAppliedAt(), w.getLagMillis(), w.getBrokenOperations(), w.getRefusedVersion(), w.getRefusedReason(),
                w.getReportedAt(), io.tributary.status.GatewayStatus.Connection.of(w.getConnection()), w.getConnectionSince(),
                w.getSkippedOperations(), w.getNamedBrokenOperations().stream().map(b -> new io.tributary.status.GatewayStatus.BrokenOperation(
                        b.getName(), b.getHash(), b.getExcerpt(), b.getReason())).toList());
    }

    /** Values of {@code tributary.usage}. */
    public static Serde<io.tributary.usage.UsageReport> usage() {
        return new SingleObjectSerde<>(io.tributary.avro.generated.UsageReport.getEncoder(),
                io.tributary.avro.generated.UsageReport.getDecoder(), UsageMapper::toWire, UsageMapper::toModel);
    }

    /** Reads views every aggregator version wrote: the current schema, and the earlier ones by their fingerprints. */
    private static final BinaryMessageDecoder<SchemaView> VIEW_DECODER = SchemaView.createDecoder(
            WriterSchemas.earlier("SchemaView-1.avsc", "SchemaView-2.avsc", "SchemaView-3.avsc", "SchemaView-4.avsc", "SchemaView-5.avsc"));

    /**
     * Values of {@code tributary.schema} and {@code tributary.schema-history}: one zstd frame of the view's single-object
     * encoding, compressed once by the aggregator for every topic it goes to. Reads the uncompressed encoding earlier
     * aggregators wrote too.
     */
    public static Serde<io.tributary.view.SchemaView> view() {
        SingleObjectSerde<io.tributary.view.SchemaView, SchemaView> avro =
                new SingleObjectSerde<>(SchemaView.getEncoder(), VIEW_DECODER, ViewMapper::toWire, ViewMapper::toModel);
        ViewEncoder encoder = new ViewEncoder();
        ViewDecoder decoder = new ViewDecoder();
        return Serdes.serdeFrom((topic, view) -> view == null ? null : ZstdFrame.compress(encoder.encode(view)), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            byte[] plain = ZstdFrame.isFrame(bytes) ? ZstdFrame.decompress(bytes) : bytes;
            return ViewDecoder.current(plain) ? decoder.decode(plain) : avro.decode(plain);
        });
    }

    /** Values of {@code tributary.operations}: trusted documents. */
    public static Serde<io.tributary.operations.RegisteredOperation> registeredOperation() {
        return new SingleObjectSerde<>(RegisteredOperation.getEncoder(), REGISTERED_OPERATION_DECODER,
                o -> new RegisteredOperation(o.hash(), o.document(), o.registeredAt(), o.aliases()),
                TributarySerdes::toModel);
    }

    /** Reads the registrations every version wrote (the topic is compacted: a registration lives until withdrawn). */
    private static final BinaryMessageDecoder<RegisteredOperation> REGISTERED_OPERATION_DECODER =
            RegisteredOperation.createDecoder(WriterSchemas.earlier("RegisteredOperation-1.avsc"));

    /** A record whose hash is not its document's own is refused: it would let one hash run another document. */
    private static io.tributary.operations.RegisteredOperation toModel(RegisteredOperation w) {
        try {
            return new io.tributary.operations.RegisteredOperation(w.getHash(), w.getDocument(), w.getRegisteredAt(), w.getAliases());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("a registered operation " + e.getMessage(), e);
        }
    }
}
