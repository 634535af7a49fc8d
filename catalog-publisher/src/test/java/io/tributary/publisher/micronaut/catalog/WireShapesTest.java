package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.tributary.publisher.micronaut.catalog.WireModels.Account;
import io.tributary.publisher.micronaut.catalog.WireModels.Address;
import io.tributary.publisher.micronaut.catalog.WireModels.Camel;
import io.tributary.publisher.micronaut.catalog.WireModels.Code;
import io.tributary.publisher.micronaut.catalog.WireModels.Guarded;
import io.tributary.publisher.micronaut.catalog.WireModels.Labelled;
import io.tributary.publisher.micronaut.catalog.WireModels.Mood;
import io.tributary.publisher.micronaut.catalog.WireModels.Person;
import io.tributary.publisher.micronaut.catalog.WireModels.Shouted;
import io.tributary.publisher.micronaut.catalog.WireModels.Snaked;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.avro.Schema;

/**
 * The derived model describes the JSON the service's own serializer writes: random instances of models using
 * renames, ignores, inclusion rules, naming strategies, enums, generics and beans are serialized by Micronaut
 * Serialization, under each service-wide inclusion and a service-wide naming strategy, and every JSON it writes
 * must conform to the model the catalog derives under the same settings (no unknown key, nothing missing or null
 * that the model says is not, every value of its field's type).
 */
class WireShapesTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper PARSER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Map<String, ApplicationContext> SERVICES = new LinkedHashMap<>();

    @BeforeContainer
    static void startOneServicePerSetting() {
        SERVICES.put("defaults (NON_EMPTY)", ApplicationContext.run(Map.of("spec.name", "WireShapesTest")));
        for (String inclusion : List.of("ALWAYS", "NON_NULL", "NON_ABSENT")) {
            SERVICES.put(inclusion, ApplicationContext.run(Map.of("spec.name", "WireShapesTest",
                    "micronaut.serde.serialization.inclusion", inclusion)));
        }
        SERVICES.put("SNAKE_CASE naming", ApplicationContext.run(Map.of("spec.name", "WireShapesTest",
                "micronaut.serde.property-naming-strategy", "SNAKE_CASE")));
    }

    @AfterContainer
    static void stop() {
        SERVICES.values().forEach(ApplicationContext::close);
        SERVICES.clear();
    }

    @Property(tries = 200)
    void shouldDescribeEveryPersonTheServiceWrites(
            @ForAll @StringLength(max = 3) String id, @ForAll @StringLength(max = 3) String displayName,
            @ForAll String internalNotes, @ForAll String password, @ForAll @WithNull @StringLength(max = 3) String nickname,
            @ForAll Optional<@StringLength(max = 2) String> motto, @ForAll @Size(max = 2) List<@StringLength(max = 2) String> tags,
            @ForAll @Size(max = 2) Map<@StringLength(min = 1, max = 2) String, Integer> scores, @ForAll int age,
            @ForAll boolean active, @ForAll Mood mood, @ForAll("addresses") Address home,
            @ForAll("addressLists") List<Address> previousHomes, @ForAll Integer lucky,
            @ForAll @StringLength(max = 2) String label, @ForAll @StringLength(max = 2) String alwaysWritten,
            @ForAll @Size(max = 1) List<String> writtenWhenNotNull) {
        Person person = new Person(id, displayName, internalNotes, password, nickname, motto, tags, scores, age, active,
                mood, LocalDate.ofEpochDay(Math.floorMod(age, 40_000)), home, previousHomes, new Labelled<>(lucky, label),
                alwaysWritten, writtenWhenNotNull);
        assertConforms(person, Person.class);
    }

    @Property(tries = 100)
    void shouldDescribeEveryNamingStrategysJson(@ForAll @StringLength(max = 2) String first,
            @ForAll @StringLength(max = 2) String last, @ForAll int houseNumber, @ForAll @Size(max = 2) List<String> nickNames,
            @ForAll @WithNull Long count, @ForAll @StringLength(max = 2) String id) {
        assertConforms(new Snaked(first, last, houseNumber, BigDecimal.valueOf(houseNumber, 2)), Snaked.class);
        assertConforms(new Camel(first, nickNames, new Code(last)), Camel.class);
        assertConforms(new Shouted(first, count == null ? null : last), Shouted.class);
        assertConforms(new Guarded(id, last, count), Guarded.class);
        Account account = new Account();
        account.setId(id);
        account.setPin(last);
        assertConforms(account, Account.class);
    }

    @Provide
    Arbitrary<Address> addresses() {
        Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(2);
        return Combinators.combine(text, text.injectNull(0.3), text.list().ofMaxSize(2), text.optional())
                .as(Address::new);
    }

    @Provide
    Arbitrary<List<Address>> addressLists() {
        return addresses().list().ofMaxSize(2);
    }

    private static void assertConforms(Object value, Class<?> type) {
        SERVICES.forEach((setting, service) -> {
            Schema model = new ModelSchemas(SerializationSettings.of(service)).of(Argument.of(type), "WireShapesTest", "the model");
            JsonNode written = written(service, value);
            assertThat(JsonConformance.mismatches(model, written))
                    .as("with %s, %s against %s", setting, written, model)
                    .isEmpty();
        });
    }

    /** What the service's own serializer writes, parsed back as any JSON reader would. */
    static JsonNode written(ApplicationContext service, Object value) {
        try {
            return PARSER.readTree(service.getBean(ObjectMapper.class).writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
