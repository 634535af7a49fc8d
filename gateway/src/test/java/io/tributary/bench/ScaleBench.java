package io.tributary.bench;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.GraphComposer;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.lint.LintSettings;
import io.tributary.lint.SchemaLint;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Coursera-scale bar, measured: 70 services, 1,000 resources (about 5,000 types), folded, composed, linted and
 * built into an executable gateway graph. Prints figures; asserts none. Run it with
 * {@code ./mvnw -pl gateway test -Dgroups=bench -Dbench.excluded=none -Dtest=ScaleBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (the figures land in {@code gateway/target/surefire-reports/io.tributary.bench.ScaleBench-output.txt}).
 */
@Tag("bench")
class ScaleBench {
    private static final int SERVICES = 70;
    private static final int RESOURCES = 1_000;
    private static final int ROUNDS = 5;

    @Test
    void measureFoldComposeLintAndGatewayBuildAtCourseraScale() {
        List<ServiceCatalog> live = graph();
        ViewFold fold = new ViewFold("default");
        SchemaView view = time("fold (compose + lint + hash)", () ->
                fold.next(Optional.empty(), live, new Cause("bench", 0, 0, "bench"), Instant.EPOCH).orElseThrow());
        List<EffectiveCatalog> effective = live.stream().map(c -> EffectiveCatalog.of(List.of(c))).toList();
        var composed = time("compose only", () -> new GraphComposer().compose(effective));
        time("lint only (on the composed schema)", () -> new SchemaLint(LintSettings.DEFAULT).check(composed.schema(), composed.routing()));
        ExecutableGraphFactory factory = new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC());
        time("gateway build (parse SDL, wire, engine)", () -> factory.build(view));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("SDL %,d chars; heap in use after the builds %d MB%n", view.sdl().length(),
                (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576);
    }

    private static <T> T time(String what, Supplier<T> work) {
        T result = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            result = work.get();
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("%-42s best of %d: %5d ms%n", what, ROUNDS, best / 1_000_000);
        return result;
    }

    private static List<ServiceCatalog> graph() {
        List<ServiceCatalog> live = new ArrayList<>();
        int made = 0;
        for (int service = 0; service < SERVICES; service++) {
            List<Resource> resources = new ArrayList<>();
            for (int r = 0; r < RESOURCES / SERVICES + 1 && made < RESOURCES; r++, made++) {
                resources.add(resource("s" + service + "things" + r, "S" + service + "Thing" + r));
            }
            live.add(new ServiceCatalog("service" + service, "i-1", "1.0.0", Instant.EPOCH, "http://localhost", 30_000, resources));
        }
        return live;
    }

    private static Resource resource(String name, String type) {
        StringBuilder fields = new StringBuilder("{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Identifies it.\"}");
        for (int f = 0; f < 6; f++) {
            fields.append(", {\"name\": \"field").append(f).append("\", \"type\": \"string\", \"doc\": \"A field.\"}");
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
