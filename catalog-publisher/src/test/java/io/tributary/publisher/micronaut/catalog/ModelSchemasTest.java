package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.TributaryResource;
import io.tributary.publisher.micronaut.CatalogResources;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelSchemasTest {
    private static ApplicationContext context;
    private static Resource gadgets;

    @BeforeAll
    static void deriveTheGadgetsResource() {
        // NON_ABSENT writes every non-null value, so each property's nullability is its Java type's; WireShapesTest
        // covers what the other inclusions leave out.
        context = ApplicationContext.run(Map.of("spec.name", "ModelSchemasTest",
                "micronaut.serde.serialization.inclusion", "NON_ABSENT"));
        gadgets = context.getBean(CatalogResources.class).resources().getFirst();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void shouldMapEveryJavaTypeTheModelUsesToItsAvroCounterpart() {
        assertThat(gadgets.model().toString()).isEqualTo(new Schema.Parser().parse("""
                {"type": "record", "name": "Gadget", "namespace": "io.tributary.publisher.micronaut.catalog",
                 "doc": "Something a workshop makes.",
                 "fields": [
                   {"name": "id", "type": "string", "doc": "Identifies the gadget."},
                   {"name": "count", "type": "int"},
                   {"name": "boxedCount", "type": "int"},
                   {"name": "serial", "type": "long"},
                   {"name": "boxedSerial", "type": "long"},
                   {"name": "weight", "type": "double"},
                   {"name": "ratio", "type": "float"},
                   {"name": "available", "type": "boolean"},
                   {"name": "colour", "type": {"type": "enum", "name": "Colour", "namespace": "io.tributary.publisher.micronaut.catalog",
                                               "doc": "What a gadget is painted.", "symbols": ["RED", "GREEN", "BLUE"]}},
                   {"name": "tags", "type": {"type": "array", "items": "string"}},
                   {"name": "sizes", "type": {"type": "array", "items": "int"}},
                   {"name": "stock", "type": {"type": "map", "values": "long"}},
                   {"name": "maker", "type": {"type": "record", "name": "Maker", "namespace": "io.tributary.publisher.micronaut.catalog",
                     "fields": [
                       {"name": "name", "type": "string"},
                       {"name": "favourite", "type": ["null", "Colour"], "default": null}
                     ]}},
                   {"name": "previousMakers", "type": {"type": "array", "items": "Maker"}},
                   {"name": "nickname", "type": ["null", "string"], "doc": "What the workshop calls it.", "default": null},
                   {"name": "motto", "type": ["null", "string"], "default": null},
                   {"name": "madeOn", "type": {"type": "int", "logicalType": "date"}},
                   {"name": "soldAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
                   {"name": "batch", "type": {"type": "string", "logicalType": "uuid"}},
                   {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 9}},
                   {"name": "next", "type": ["null", "Gadget"], "default": null}
                 ]}""").toString());
    }

    @Test
    void shouldMapArgumentTypesTheSameWayWithOptionalityInRequired() {
        List<Parameter> parameters = gadgets.operations().getFirst().parameters();
        assertThat(parameters).extracting(p -> p.name() + ": " + p.schema() + (p.required() ? "" : "?")).containsExactly(
                "colour: " + gadgets.model().getField("colour").schema(),
                "madeAfter: {\"type\":\"int\",\"logicalType\":\"date\"}?",
                "batches: {\"type\":\"array\",\"items\":{\"type\":\"string\",\"logicalType\":\"uuid\"}}?");
    }

    /** What a gadget is painted. */
    @Description("What a gadget is painted.")
    enum Colour { RED, GREEN, BLUE }

    /** Who made a gadget. */
    @Introspected
    record Maker(String name, @Nullable Colour favourite) {
    }

    /** A model with one property of every type the derivation maps. */
    @Introspected
    @Description("Something a workshop makes.")
    record Gadget(
            @Description("Identifies the gadget.") String id,
            int count,
            Integer boxedCount,
            long serial,
            Long boxedSerial,
            double weight,
            float ratio,
            boolean available,
            Colour colour,
            List<String> tags,
            Set<Integer> sizes,
            Map<String, Long> stock,
            Maker maker,
            List<Maker> previousMakers,
            @Nullable @Description("What the workshop calls it.") String nickname,
            Optional<String> motto,
            LocalDate madeOn,
            @Nullable Instant soldAt,
            UUID batch,
            BigDecimal price,
            @Nullable Gadget next) {
    }

    /** Serves gadgets by a finder whose arguments exercise the parameter mapping. */
    @Controller("/gadgets")
    @TributaryResource(name = "gadgets")
    @Requires(property = "spec.name", value = "ModelSchemasTest")
    static class GadgetsController {
        @Get("/byColour")
        @Finder("byColour")
        public List<Gadget> byColour(@QueryValue Colour colour, @QueryValue Optional<LocalDate> madeAfter,
                @QueryValue @Nullable Set<UUID> batches) {
            throw new UnsupportedOperationException();
        }
    }
}
