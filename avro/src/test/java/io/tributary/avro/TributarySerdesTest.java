package io.tributary.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Heartbeat;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.operations.DocumentHash;
import io.tributary.operations.RegisteredOperation;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import io.tributary.status.GatewayStatus;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TributarySerdesTest {

    private final Serde<ServiceCatalog> catalogs = TributarySerdes.catalog();
    private final Serde<SchemaView> views = TributarySerdes.view();

    @Test
    void shouldReadBackTheCatalogItWrote() {
        ServiceCatalog catalog = CourseCatalogs.v2("i-1");

        byte[] bytes = catalogs.serializer().serialize("t", catalog);

        assertThat(catalogs.deserializer().deserialize("t", bytes)).isEqualTo(catalog);
    }

    @Test
    void shouldCarryEveryOperationAndRelationKindAcrossTheWire() {
        ServiceCatalog catalog = CourseCatalogs.everything("i-1");

        assertThat(catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", catalog))).isEqualTo(catalog);
    }

    @Test
    void shouldDecodeTheSameCatalogOfEveryInstanceToTheSameResourcesAndOperations() {
        ServiceCatalog first = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", CourseCatalogs.everything("i-1")));
        ServiceCatalog second = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", CourseCatalogs.everything("i-2")));

        assertThat(second.instanceId()).isEqualTo("i-2");
        assertThat(second.resources()).isSameAs(first.resources());
        assertThat(second.operations()).isSameAs(first.operations());
    }

    @Test
    void shouldNotShareTheDecodedResourcesOfCatalogsThatDifferOnlyInTheirSchemasDocs() {
        String documented = CourseCatalogs.COURSE_V1.replace("Identifies the course.", "The course's slug.");
        ServiceCatalog plain = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t",
                CourseCatalogs.instance("i-1", "1.0.0", CourseCatalogs.COURSE_V1)));
        ServiceCatalog redocumented = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t",
                CourseCatalogs.instance("i-1", "1.0.0", documented)));

        assertThat(redocumented.resources()).isNotSameAs(plain.resources());
        assertThat(redocumented.resources().getFirst().model().getField("id").doc()).isEqualTo("The course's slug.");
        assertThat(plain.resources().getFirst().model().getField("id").doc()).isEqualTo("Identifies the course.");
    }

    @Test
    void shouldReadBackAHeartbeat() {
        Heartbeat heartbeat = new Heartbeat("courses", "i-1", Instant.parse("2026-11-21T12:00:00Z"), 30_000);
        Serde<Heartbeat> serde = TributarySerdes.heartbeat();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", heartbeat))).isEqualTo(heartbeat);
    }

    @Test
    void shouldKeepTombstonesNull() {
        assertThat(catalogs.serializer().serialize("t", null)).isNull();
        assertThat(catalogs.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadBackTheViewItWrote() {
        SchemaView view = new ViewFold("default").next(Optional.empty(),
                List.of(CourseCatalogs.v1("a"), CourseCatalogs.v2("b")),
                new Cause("tributary.catalog", 0, 42, "courses/b"), Instant.parse("2026-11-21T12:00:00Z")).orElseThrow();

        byte[] bytes = views.serializer().serialize("t", view);

        assertThat(views.deserializer().deserialize("t", bytes)).isEqualTo(view);
    }

    @Test
    void shouldShareTheParsedSchemaOfAParameterAcrossTheViewsItDecodes() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v1("a")),
                new Cause("tributary.catalog", 0, 1, "courses/a"), Instant.EPOCH).orElseThrow();
        byte[] bytes = views.serializer().serialize("t", view);

        Parameter first = firstParameter(views.deserializer().deserialize("t", bytes));
        Parameter second = firstParameter(views.deserializer().deserialize("t", bytes));

        assertThat(first).isEqualTo(firstParameter(view));
        assertThat(second.schema()).isSameAs(first.schema());
    }

    private static Parameter firstParameter(SchemaView view) {
        return view.routing().fields().stream().flatMap(route -> route.operation().parameters().stream()).findFirst().orElseThrow();
    }

    @Test
    void shouldRejectATruncatedViewWithAClearError() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v1("a")),
                new Cause("tributary.catalog", 0, 1, "courses/a"), Instant.EPOCH).orElseThrow();
        byte[] bytes = views.serializer().serialize("t", view);

        assertThatThrownBy(() -> views.deserializer().deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 7)))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void shouldWriteAViewAsOneZstdFrameSmallerThanItsEncoding() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("tributary.catalog", 0, 1, "courses/a"), Instant.EPOCH).orElseThrow();

        byte[] bytes = views.serializer().serialize("t", view);

        assertThat(bytes).startsWith(0x28, 0xB5, 0x2F, 0xFD);
        assertThat(com.github.luben.zstd.Zstd.getFrameContentSize(bytes)).isGreaterThan(bytes.length);
    }

    @Test
    void shouldRefuseAFrameThatWouldInflateBeyondWhatAViewMayHold() {
        byte[] bomb = com.github.luben.zstd.Zstd.compress(new byte[ZstdFrame.MAX_CONTENT_BYTES + 1], 1);

        assertThat(bomb.length).isLessThan(16 * 1024);
        assertThatThrownBy(() -> views.deserializer().deserialize("t", bomb))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("declaring " + (ZstdFrame.MAX_CONTENT_BYTES + 1) + " bytes");
    }

    @Test
    void shouldRefuseToWriteAViewLargerThanReadersAccept() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("tributary.catalog", 0, 1, "courses/a"), Instant.EPOCH).orElseThrow();
        SchemaView huge = new SchemaView(view.graph(), view.version(), view.hash(), view.composedAt(),
                "x".repeat(ZstdFrame.MAX_CONTENT_BYTES), view.routing(), view.services(), view.diagnostics(), view.failedServices(),
                view.changes(), view.cause());

        assertThatThrownBy(() -> views.serializer().serialize("t", huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the " + ZstdFrame.MAX_CONTENT_BYTES + " a reader accepts");
    }

    @Test
    void shouldRefuseAFrameThatDoesNotDeclareItsSize() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var zstd = new com.github.luben.zstd.ZstdOutputStream(out)) {
            zstd.write(new byte[1000]);
        }

        assertThatThrownBy(() -> views.deserializer().deserialize("t", out.toByteArray()))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("does not declare its content size");
    }

    @Test
    void shouldRefuseADamagedFrameWithAClearError() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("tributary.catalog", 0, 1, "courses/a"), Instant.EPOCH).orElseThrow();
        byte[] bytes = views.serializer().serialize("t", view);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] ^= (byte) 0x5A;
        }

        assertThatThrownBy(() -> views.deserializer().deserialize("t", bytes)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void shouldReadBackAViewEqualToTheOneWrittenWhateverOrderItsServicesCameIn() {
        // enrollments claimed its names first, so it composes before courses; the wire lists services by name.
        SchemaView view = new ViewFold("default").next(Optional.empty(),
                List.of(io.tributary.catalog.GraphCatalogs.enrollments(), CourseCatalogs.v2("a")),
                new io.tributary.view.FoldState(java.util.Map.of("enrollments", 0L), java.util.Map.of(), java.util.Map.of()),
                new Cause("t", 0, 1, "courses/a"), Instant.EPOCH).view().orElseThrow();

        assertThat(views.deserializer().deserialize("t", views.serializer().serialize("t", view))).isEqualTo(view);
    }

    @Test
    void shouldCarryTheModelPropertiesOfCuratedRenamesToTheGateway() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")), io.tributary.view.FoldState.EMPTY,
                List.of(new io.tributary.curation.CurationRule.RenameField("rename", "Course.title", "name")),
                new Cause("t", 0, 1, "courses/a"), Instant.EPOCH).view().orElseThrow();

        SchemaView read = views.deserializer().deserialize("t", views.serializer().serialize("t", view));

        assertThat(read.routing().properties()).containsEntry("Course.name", "title");
        assertThat(read).isEqualTo(view);
    }

    @Test
    void shouldReadAViewAnEarlierAggregatorWrote() throws Exception {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")), new Cause("t", 0, 1, "courses/a"),
                Instant.EPOCH).orElseThrow();
        Schema first;
        try (var in = TributarySerdes.class.getResourceAsStream("schemas/SchemaView-1.avsc")) {
            first = new Schema.Parser().parse(in);
        }
        ByteBuffer encoded = new BinaryMessageEncoder<io.tributary.avro.generated.SchemaView>(
                org.apache.avro.specific.SpecificData.getForClass(io.tributary.avro.generated.SchemaView.class), first)
                .encode(ViewMapper.toWire(view));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(views.deserializer().deserialize("t", bytes)).isEqualTo(view);
    }

    @Test
    void shouldCarryOperationFieldsAcrossTheWire() {
        ServiceCatalog store = io.tributary.catalog.GraphCatalogs.store();

        assertThat(catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", store))).isEqualTo(store);
    }

    @Test
    void shouldReadACatalogAPublisherWroteBeforeParametersHadStyles() throws Exception {
        ServiceCatalog catalog = CourseCatalogs.v2("i-1");

        ServiceCatalog read = catalogs.deserializer().deserialize("t", encodedWithEarlier("ServiceCatalog-1.avsc", CatalogMapper.toWire(catalog)));

        assertThat(read).isEqualTo(catalog);
        Parameter ids = read.resources().getFirst().operations().stream().filter(op -> op.kind() == OperationKind.MULTI_GET)
                .findFirst().orElseThrow().parameters().getFirst();
        assertThat(ids.style()).isEqualTo(Parameter.Style.FORM);
        assertThat(ids.explode()).as("lists stay comma-separated, as the gateway always sent them").isFalse();
        assertThat(ids.wireName()).isEqualTo("ids");
        assertThat(ids.isConstant()).isFalse();
    }

    @Test
    void shouldReadAViewAndAFoldStateWrittenBeforeParametersHadStyles() throws Exception {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")), new Cause("t", 0, 1, "courses/a"),
                Instant.EPOCH).orElseThrow();
        io.tributary.view.FoldState state = new io.tributary.view.FoldState(java.util.Map.of("courses", 3L),
                java.util.Map.of("courses", CourseCatalogs.v2("a").resources()), java.util.Map.of("courses", List.of()));
        Serde<io.tributary.view.FoldState> states = TributarySerdes.foldState();

        assertThat(views.deserializer().deserialize("t", encodedWithEarlier("SchemaView-2.avsc", ViewMapper.toWire(view)))).isEqualTo(view);
        assertThat(states.deserializer().deserialize("t", encodedWithEarlier("FoldState-1.avsc", CatalogMapper.toWire(state))))
                .isEqualTo(state);
    }

    @Test
    void shouldCarryHowEachParameterTravels() {
        Operation search = Operation.builder(OperationKind.FINDER, "GET", "/courses").name("search")
                .parameters(List.of(Parameter.constant("q", "search"),
                        new Parameter("tags", Schema.createArray(Schema.create(Schema.Type.STRING)), Parameter.Location.QUERY, false, "",
                                Parameter.Style.PIPE_DELIMITED, false, null, ""),
                        Parameter.of("pageSize", Schema.Type.INT, Parameter.Location.QUERY, false, "").withWireName("page[size]"),
                        Parameter.of("apiVersion", Schema.Type.STRING, Parameter.Location.HEADER, true, "").withWireName("api-version"),
                        Parameter.of("session", Schema.Type.STRING, Parameter.Location.COOKIE, false, ""),
                        new Parameter("ids", Schema.createArray(Schema.create(Schema.Type.STRING)), Parameter.Location.QUERY, false, "")
                                .withStyle(Parameter.Style.FORM, true)))
                .build();
        ServiceCatalog base = CourseCatalogs.v2("i-1");
        Resource courses = base.resources().getFirst();
        List<Operation> operations = new java.util.ArrayList<>(courses.operations());
        operations.add(search);
        ServiceCatalog catalog = new ServiceCatalog(base.service(), base.instanceId(), base.serviceVersion(), base.publishedAt(), base.baseUrl(),
                base.leaseMillis(), List.of(new Resource(courses.name(), courses.version(), courses.description(), courses.model(),
                courses.keyField(), operations, courses.relations(), courses.deprecationReason())));

        assertThat(catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", catalog))).isEqualTo(catalog);
        assertThat(CatalogJson.readResources(CatalogJson.resources(catalog.resources()))).isEqualTo(catalog.resources());
        assertThat(CatalogJson.resources(catalog.resources())).contains("\"style\" : \"pipeDelimited\"", "\"wireName\" : \"page[size]\"",
                "\"in\" : \"header\"", "\"constant\" : \"search\"");
    }

    @Test
    void shouldReadCatalogsViewsAndFoldStatesWrittenBeforeBodiesHadEncodings() throws Exception {
        ServiceCatalog store = io.tributary.catalog.GraphCatalogs.store();
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")), new Cause("t", 0, 1, "courses/a"),
                Instant.EPOCH).orElseThrow();
        io.tributary.view.FoldState state = new io.tributary.view.FoldState(java.util.Map.of("store", 3L),
                java.util.Map.of("store", store.resources()), java.util.Map.of("store", store.operations()));
        Serde<io.tributary.view.FoldState> states = TributarySerdes.foldState();

        assertThat(catalogs.deserializer().deserialize("t", encodedWithEarlier("ServiceCatalog-2.avsc", CatalogMapper.toWire(store))))
                .isEqualTo(store);
        assertThat(views.deserializer().deserialize("t", encodedWithEarlier("SchemaView-3.avsc", ViewMapper.toWire(view)))).isEqualTo(view);
        assertThat(states.deserializer().deserialize("t", encodedWithEarlier("FoldState-2.avsc", CatalogMapper.toWire(state))))
                .isEqualTo(state);
    }

    @Test
    void shouldCarryAFormEncodedBody() {
        Operation rename = Operation.builder(OperationKind.ACTION, "POST", "/courses/{id}").name("rename")
                .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Parameter.Location.PATH, true, ""),
                        Parameter.of("title", Schema.Type.STRING, Parameter.Location.BODY, false, "")))
                .bodyEncoding(BodyEncoding.FORM)
                .build();
        ServiceCatalog base = CourseCatalogs.v2("i-1");
        Resource courses = base.resources().getFirst();
        List<Operation> operations = new java.util.ArrayList<>(courses.operations());
        operations.add(rename);
        List<Resource> resources = List.of(new Resource(courses.name(), courses.version(), courses.description(), courses.model(),
                courses.keyField(), operations, courses.relations(), courses.deprecationReason()));
        ServiceCatalog catalog = new ServiceCatalog(base.service(), base.instanceId(), base.serviceVersion(), base.publishedAt(), base.baseUrl(),
                base.leaseMillis(), resources, List.of(new io.tributary.catalog.OperationField(Operation.builder(OperationKind.CALL, "POST",
                        "/login").name("userLogin").parameters(List.of(Parameter.of("email", Schema.Type.STRING, Parameter.Location.BODY, true, "")))
                        .bodyEncoding(BodyEncoding.FORM).build(), Schema.create(Schema.Type.NULL))));

        ServiceCatalog read = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", catalog));

        assertThat(read).isEqualTo(catalog);
        assertThat(read.operations().getFirst().operation().bodyEncoding()).isEqualTo(BodyEncoding.FORM);
        assertThat(CatalogJson.resources(resources)).contains("\"bodyEncoding\" : \"FORM\"");
        assertThat(CatalogJson.readResources(CatalogJson.resources(resources))).isEqualTo(resources);
    }

    @Test
    void shouldCarryACallRelationAndItsRouteAcrossTheWireAndInJson() {
        ServiceCatalog catalog = io.tributary.catalog.GraphCatalogs.repositories();
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(catalog), new Cause("t", 0, 1, "repositories/i-1"),
                Instant.EPOCH).orElseThrow();

        assertThat(catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", catalog))).isEqualTo(catalog);
        SchemaView read = views.deserializer().deserialize("t", views.serializer().serialize("t", view));
        assertThat(read).isEqualTo(view);
        assertThat(read.routing().fields()).anySatisfy(route -> assertThat(route.link())
                .isEqualTo(new io.tributary.compose.FieldRoute.Link.Call(java.util.Map.of("username", "$owner.username", "slug", "$parentSlug"))));
        assertThat(CatalogJson.resources(catalog.resources())).contains("\"call\" : {");
        assertThat(CatalogJson.readResources(CatalogJson.resources(catalog.resources()))).isEqualTo(catalog.resources());
    }

    @Test
    void shouldReadCatalogsViewsFoldStatesAndCurationRulesWrittenBeforeCallRelations() throws Exception {
        ServiceCatalog store = io.tributary.catalog.GraphCatalogs.store();
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")), new Cause("t", 0, 1, "courses/a"),
                Instant.EPOCH).orElseThrow();
        io.tributary.view.FoldState state = new io.tributary.view.FoldState(java.util.Map.of("store", 3L),
                java.util.Map.of("store", store.resources()), java.util.Map.of("store", store.operations()));
        io.tributary.curation.CurationRule rule = new io.tributary.curation.CurationRule.AddRelation("r-1", "courses.v2",
                new io.tributary.catalog.Relation.Forward("lead", "instructors.v1", "instructorIds", ""));

        assertThat(catalogs.deserializer().deserialize("t", encodedWithEarlier("ServiceCatalog-3.avsc", CatalogMapper.toWire(store))))
                .isEqualTo(store);
        assertThat(views.deserializer().deserialize("t", encodedWithEarlier("SchemaView-4.avsc", ViewMapper.toWire(view)))).isEqualTo(view);
        assertThat(TributarySerdes.foldState().deserializer().deserialize("t", encodedWithEarlier("FoldState-3.avsc", CatalogMapper.toWire(state))))
                .isEqualTo(state);
        assertThat(TributarySerdes.curation().deserializer().deserialize("t", encodedWithEarlier("CurationRule-1.avsc", CatalogMapper.toWire(rule))))
                .isEqualTo(rule);
    }

    @Test
    void shouldCarryAForwardRelationFromAnUndeclaredPropertyAcrossTheWireAndInJson() {
        ServiceCatalog base = CourseCatalogs.v2("i-1");
        io.tributary.catalog.Resource r = base.resources().getFirst();
        io.tributary.catalog.Relation.Forward undeclared = new io.tributary.catalog.Relation.Forward("mentor", "instructors.v1", "mentorId", true, "");
        ServiceCatalog catalog = new ServiceCatalog(base.service(), base.instanceId(), base.serviceVersion(), base.publishedAt(), base.baseUrl(),
                base.leaseMillis(), List.of(new io.tributary.catalog.Resource(r.name(), r.version(), r.description(), r.model(), r.keyField(),
                r.operations(), List.of(undeclared), "")));

        ServiceCatalog read = catalogs.deserializer().deserialize("t", catalogs.serializer().serialize("t", catalog));

        assertThat(read.resources().getFirst().relations()).containsExactly(undeclared);
        assertThat(CatalogJson.resources(catalog.resources())).contains("\"undeclared\" : true");
        assertThat(CatalogJson.readResources(CatalogJson.resources(catalog.resources()))).isEqualTo(catalog.resources());
    }

    @Test
    void shouldReadCatalogsViewsFoldStatesAndCurationRulesWrittenBeforeUndeclaredSourceFields() throws Exception {
        ServiceCatalog store = io.tributary.catalog.GraphCatalogs.store();
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.everything("a"),
                io.tributary.catalog.GraphCatalogs.instructors()), new Cause("t", 0, 1, "courses/a"),
                Instant.EPOCH).orElseThrow();
        io.tributary.view.FoldState state = new io.tributary.view.FoldState(java.util.Map.of("store", 3L),
                java.util.Map.of("store", store.resources()), java.util.Map.of("store", store.operations()));
        io.tributary.curation.CurationRule rule = new io.tributary.curation.CurationRule.AddRelation("r-1", "courses.v2",
                new io.tributary.catalog.Relation.Forward("lead", "instructors.v1", "instructorIds", ""));

        assertThat(catalogs.deserializer().deserialize("t", encodedWithEarlier("ServiceCatalog-4.avsc", CatalogMapper.toWire(store))))
                .isEqualTo(store);
        assertThat(view.routing().fields()).anySatisfy(route -> assertThat(route.link()).isInstanceOf(io.tributary.compose.FieldRoute.Link.Forward.class));
        assertThat(views.deserializer().deserialize("t", encodedWithEarlier("SchemaView-5.avsc", ViewMapper.toWire(view)))).isEqualTo(view);
        assertThat(TributarySerdes.foldState().deserializer().deserialize("t", encodedWithEarlier("FoldState-4.avsc", CatalogMapper.toWire(state))))
                .isEqualTo(state);
        assertThat(TributarySerdes.curation().deserializer().deserialize("t", encodedWithEarlier("CurationRule-2.avsc", CatalogMapper.toWire(rule))))
                .isEqualTo(rule);
    }

    /** The bytes a reader of an earlier version wrote: the value encoded with that version's schema, fingerprint and all. */
    private static <T extends org.apache.avro.specific.SpecificRecord> byte[] encodedWithEarlier(String resource, T value) throws Exception {
        Schema earlier;
        try (var in = TributarySerdes.class.getResourceAsStream("schemas/" + resource)) {
            earlier = new Schema.Parser().parse(in);
        }
        ByteBuffer encoded = new BinaryMessageEncoder<T>(org.apache.avro.specific.SpecificData.getForClass(value.getClass()), earlier)
                .encode(value);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    @Test
    void shouldRejectBytesThatAreNoEventWithAClearError() {
        assertThatThrownBy(() -> catalogs.deserializer().deserialize("t", "not avro".getBytes()))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("header");
    }

    @Test
    void shouldRejectAViewWhereACatalogIsExpected() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(), new Cause("t", 0, 0, "k"), Instant.EPOCH)
                .orElseThrow();
        byte[] viewBytes = views.serializer().serialize("t", view);

        assertThatThrownBy(() -> catalogs.deserializer().deserialize("t", viewBytes))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("header");
    }

    @Test
    void shouldRejectACatalogThatBreaksTheContract() {
        io.tributary.avro.generated.ServiceCatalog wire = CatalogMapper.toWire(CourseCatalogs.v1("a"));
        wire.setService("Not A Name");

        assertThatThrownBy(() -> CatalogMapper.toModel(wire))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("service name");
    }

    @Test
    void shouldReadBackAGatewayStatusWithItsReportTimeAndConnection() {
        GatewayStatus status = new GatewayStatus("gw-1", "default", 7, "abc", Instant.parse("2026-11-21T12:00:00Z"), 120, 1, 8,
                "broken", Instant.parse("2026-11-21T12:05:00Z"), GatewayStatus.Connection.DISCONNECTED,
                Instant.parse("2026-11-21T12:04:00Z"), 3);
        Serde<GatewayStatus> serde = TributarySerdes.gatewayStatus();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", status))).isEqualTo(status);
    }

    @Test
    void shouldReadAGatewayStatusWrittenBeforeGatewaysReportedPeriodically() throws Exception {
        Schema first;
        try (var in = TributarySerdes.class.getResourceAsStream("schemas/GatewayStatus-1.avsc")) {
            first = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericRecordBuilder(first).set("gatewayId", "gw-old").set("graph", "default")
                .set("viewVersion", 4L).set("hash", "h").set("appliedAt", 1_700_000_000_000L).set("lagMillis", 12L)
                .set("brokenOperations", 0).set("refusedVersion", 0L).set("refusedReason", "").build();
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        GatewayStatus status = TributarySerdes.gatewayStatus().deserializer().deserialize("t", bytes);

        assertThat(status.gatewayId()).isEqualTo("gw-old");
        assertThat(status.viewVersion()).isEqualTo(4);
        assertThat(status.appliedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(status.reportedAt()).isEqualTo(Instant.EPOCH);
        assertThat(status.connection()).isEqualTo(GatewayStatus.Connection.UNKNOWN);
        assertThat(status.skippedOperations()).isZero();
    }

    @Test
    void shouldReadBackTheBrokenOperationsAGatewayStatusNames() {
        GatewayStatus status = new GatewayStatus("gw-1", "default", 7, "abc", Instant.parse("2026-11-21T12:00:00Z"), 120, 2, 0, "",
                Instant.parse("2026-11-21T12:05:00Z"), GatewayStatus.Connection.CONNECTED, Instant.parse("2026-11-21T12:04:00Z"), 0,
                List.of(new GatewayStatus.BrokenOperation("CourseDuration", "e71c", "query CourseDuration { course { durationMinutes } }",
                                "Field 'durationMinutes' in type 'Course' is undefined"),
                        new GatewayStatus.BrokenOperation("(anonymous)", "", "{ x }", "Field 'x' in type 'Query' is undefined")));
        Serde<GatewayStatus> serde = TributarySerdes.gatewayStatus();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", status))).isEqualTo(status);
    }

    @Test
    void shouldReadAGatewayStatusWrittenBeforeGatewaysNamedTheOperationsASwapBroke() throws Exception {
        Schema second;
        try (var in = TributarySerdes.class.getResourceAsStream("schemas/GatewayStatus-2.avsc")) {
            second = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericRecordBuilder(second).set("gatewayId", "gw-old").set("graph", "default")
                .set("viewVersion", 4L).set("hash", "h").set("appliedAt", 1_700_000_000_000L).set("lagMillis", 12L)
                .set("brokenOperations", 3).set("refusedVersion", 0L).set("refusedReason", "")
                .set("reportedAt", 1_700_000_001_000L).set("connection", "CONNECTED").set("connectionSince", 1_700_000_000_500L)
                .set("skippedOperations", 1).build();
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), second).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        GatewayStatus status = TributarySerdes.gatewayStatus().deserializer().deserialize("t", bytes);

        assertThat(status.brokenOperations()).isEqualTo(3);
        assertThat(status.namedBrokenOperations()).isEmpty();
        assertThat(status.connection()).isEqualTo(GatewayStatus.Connection.CONNECTED);
        assertThat(status.skippedOperations()).isEqualTo(1);
    }

    @Test
    void shouldNameAtMostTwentyBrokenOperationsEachOnOneShortLine() {
        List<GatewayStatus.BrokenOperation> many = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new GatewayStatus.BrokenOperation("Op" + i, "h" + i, "query Op" + i + " {\n  " + "a ".repeat(200) + "}", "r"))
                .toList();

        GatewayStatus status = new GatewayStatus("gw-1", "default", 7, "abc", Instant.EPOCH, 0, 30, 0, "", Instant.EPOCH,
                GatewayStatus.Connection.CONNECTED, Instant.EPOCH, 0, many);

        assertThat(status.brokenOperations()).isEqualTo(30);
        assertThat(status.namedBrokenOperations()).hasSize(GatewayStatus.MAX_NAMED_BROKEN_OPERATIONS)
                .allSatisfy(b -> assertThat(b.excerpt()).doesNotContain("\n").hasSizeLessThanOrEqualTo(GatewayStatus.BrokenOperation.MAX_TEXT));
    }

    @Test
    void shouldReadBackARegisteredOperationsAliasesAndRegistrationsWrittenBeforeThem() throws Exception {
        String document = "{ a }";
        RegisteredOperation aliased = new RegisteredOperation(DocumentHash.of(document), document, Instant.parse("2026-11-29T11:00:00Z"),
                List.of("d7fe099d6f46846bb761d84678c79f68"));
        Serde<RegisteredOperation> serde = TributarySerdes.registeredOperation();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", aliased))).isEqualTo(aliased);

        Schema first;
        try (var in = TributarySerdes.class.getResourceAsStream("schemas/RegisteredOperation-1.avsc")) {
            first = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericRecordBuilder(first).set("hash", DocumentHash.of(document)).set("document", document)
                .set("registeredAt", 1_700_000_000_000L).build();
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(serde.deserializer().deserialize("t", bytes))
                .isEqualTo(new RegisteredOperation(DocumentHash.of(document), document, Instant.ofEpochMilli(1_700_000_000_000L)));
    }

    @Test
    void shouldReadBackARegisteredOperationAndRefuseOneWhoseHashIsNotItsDocuments() {
        RegisteredOperation operation = RegisteredOperation.of("{ course(id: \"c-1\") { id } }", Instant.parse("2026-11-29T11:00:00Z"));
        Serde<RegisteredOperation> serde = TributarySerdes.registeredOperation();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", operation))).isEqualTo(operation);

        io.tributary.avro.generated.RegisteredOperation forged = new io.tributary.avro.generated.RegisteredOperation(
                DocumentHash.of("{ a }"), "{ b }", Instant.EPOCH, List.of());
        byte[] bytes;
        try {
            ByteBuffer encoded = io.tributary.avro.generated.RegisteredOperation.getEncoder().encode(forged);
            bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("not the document's own");
    }
}
