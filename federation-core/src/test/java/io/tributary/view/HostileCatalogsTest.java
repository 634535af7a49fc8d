package io.tributary.view;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * Catalogs an attacker or a careless service could publish, folded one after another: names GraphQL reserves or
 * already uses ({@code __proto__}, {@code __typename}, {@code Query}, {@code String}, {@code PageInfo}), enum values
 * GraphQL forbids ({@code true}, {@code null}), recursive and mutually recursive models, the same type name claimed
 * by several services with different shapes, hundreds of fields, relations to nowhere. The fold never throws, and
 * every view it makes is a valid GraphQL schema.
 */
class HostileCatalogsTest {
    private static final List<String> TYPE_NAMES = List.of("Course", "Query", "Mutation", "String", "ID", "PageInfo", "Paginated",
            "CourseConnection", "JSON", "DateTime", "__proto__", "_empty", "Node", "Subscription", "CoursesPaged");
    private static final List<String> FIELD_NAMES = List.of("id", "title", "__proto__", "__typename", "constructor", "_", "node",
            "edges", "x".repeat(300), "id_", "Course");
    private static final List<String> RESOURCE_NAMES = List.of("courses", "course", "query", "mutation", "node", "nodes", "pageInfo",
            "string", "search", "coursesConnection", "a");

    @Property(tries = 300)
    void shouldFoldAnyCatalogsIntoValidSchemas(@ForAll("catalogs") List<ServiceCatalog> catalogs) {
        ViewFold fold = new ViewFold("default");
        Optional<SchemaView> last = Optional.empty();
        FoldState state = FoldState.EMPTY;
        List<ServiceCatalog> live = new ArrayList<>();
        long offset = 0;
        for (ServiceCatalog catalog : catalogs) {
            live.removeIf(c -> c.instanceKey().equals(catalog.instanceKey()));
            live.add(catalog);
            FoldStep step = fold.next(last, live, state, new Cause("t", 0, offset, catalog.instanceKey(), Cause.EventKind.PUBLISHED),
                    Instant.EPOCH.plusSeconds(offset++));
            state = step.state();
            if (step.view().isPresent()) {
                last = step.view();
                assertThat(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(last.get().sdl()))).isNotNull();
            }
        }
    }

    @Provide
    Arbitrary<List<ServiceCatalog>> catalogs() {
        return catalog().list().ofMinSize(1).ofMaxSize(5);
    }

    /** One catalog of the kind above; also what {@code IncrementalFoldTest} publishes among well-formed ones. */
    Arbitrary<ServiceCatalog> catalog() {
        return Combinators.combine(Arbitraries.of("courses", "partners", "query", "a"), Arbitraries.of("1", "2"),
                resource().list().ofMinSize(1).ofMaxSize(3)).as((service, instance, resources) -> {
                    try {
                        return new ServiceCatalog(service, instance, "1.0", Instant.EPOCH, "http://localhost:1", 30_000,
                                resources.stream().flatMap(Optional::stream).toList());
                    } catch (InvalidCatalogException e) {
                        return null;
                    }
                }).filter(c -> c != null && !c.resources().isEmpty());
    }

    private Arbitrary<Optional<Resource>> resource() {
        return Combinators.combine(Arbitraries.of(RESOURCE_NAMES), Arbitraries.integers().between(1, 2), model(),
                        Arbitraries.of(true, false), relation())
                .as((name, version, model, finder, relation) -> {
                    if (model.isEmpty()) {
                        return Optional.<Resource>empty();
                    }
                    List<Operation> operations = new ArrayList<>(List.of(
                            Operation.builder(OperationKind.GET, "GET", "/" + name + "/{id}")
                                    .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Location.PATH, true, ""))).build(),
                            Operation.builder(OperationKind.MULTI_GET, "GET", "/" + name).envelope(ResponseEnvelope.NAPTIME)
                                    .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, ""))).build()));
                    if (finder) {
                        operations.add(Operation.builder(OperationKind.FINDER, "GET", "/" + name + "/byId").name("byId")
                                .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Location.QUERY, true, ""))).build());
                    }
                    try {
                        return Optional.of(new Resource(name, version, "", model.get(), "id", operations,
                                relation.map(List::of).orElse(List.of()), ""));
                    } catch (InvalidCatalogException e) {
                        return Optional.<Resource>empty();
                    }
                });
    }

    private Arbitrary<Optional<Relation>> relation() {
        return Arbitraries.oneOf(Arbitraries.just(Optional.empty()),
                Combinators.combine(Arbitraries.of(FIELD_NAMES), Arbitraries.of("courses.v1", "nowhere.v1", "a.v2", "query.v1"))
                        .as((field, target) -> valid(() -> new Relation.Forward(field, target, "id", ""))),
                Combinators.combine(Arbitraries.of(FIELD_NAMES), Arbitraries.of("courses.v1", "a.v1"))
                        .as((field, target) -> valid(() -> new Relation.Reverse(field, target, "byId", Map.of("id", "$id"), ""))))
                .map(r -> (Optional<Relation>) r);
    }

    /** What the catalog model's own validation lets through: the rest never leaves a publisher or the decoder. */
    private static Optional<Relation> valid(Supplier<Relation> relation) {
        try {
            return Optional.of(relation.get());
        } catch (InvalidCatalogException e) {
            return Optional.empty();
        }
    }

    private Arbitrary<Optional<Schema>> model() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(FIELD_NAMES), Arbitraries.of(
                "\"string\"", "\"long\"", "[\"null\", \"SELF\"]", "{\"type\": \"array\", \"items\": \"SELF\"}",
                "{\"type\": \"enum\", \"name\": \"E%d\", \"symbols\": [\"true\", \"null\", \"ok\"]}",
                "{\"type\": \"map\", \"values\": \"SELF\"}",
                "{\"type\": \"record\", \"name\": \"Inner%d\", \"fields\": [{\"name\": \"back\", \"type\": [\"null\", \"SELF\"]}]}"))
                .as((name, type) -> "{\"name\": \"" + name + "\", \"type\": " + type + "}");
        return Combinators.combine(Arbitraries.of(TYPE_NAMES), field.list().ofMaxSize(6), Arbitraries.integers().between(0, 250))
                .as((typeName, fields, padding) -> {
                    List<String> all = new ArrayList<>(List.of("{\"name\": \"id\", \"type\": \"string\"}"));
                    for (int i = 0; i < fields.size(); i++) {
                        all.add(fields.get(i).replace("SELF", typeName).replace("%d", Integer.toString(i)));
                    }
                    for (int i = 0; i < padding; i++) {
                        all.add("{\"name\": \"f" + i + "\", \"type\": \"int\"}");
                    }
                    String json = "{\"type\": \"record\", \"name\": \"" + typeName + "\", \"fields\": [" + String.join(",", all) + "]}";
                    try {
                        return Optional.of(new Schema.Parser().parse(json));
                    } catch (AvroRuntimeException e) {
                        return Optional.<Schema>empty();
                    }
                });
    }
}
