package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.tributary.publisher.micronaut.catalog.WireModels.Address;
import io.tributary.publisher.micronaut.catalog.WireModels.Camel;
import io.tributary.publisher.micronaut.catalog.WireModels.Code;
import io.tributary.publisher.micronaut.catalog.WireModels.Flattened;
import io.tributary.publisher.micronaut.catalog.WireModels.Guarded;
import io.tributary.publisher.micronaut.catalog.WireModels.Hyphenated;
import io.tributary.publisher.micronaut.catalog.WireModels.Labelled;
import io.tributary.publisher.micronaut.catalog.WireModels.Mood;
import io.tributary.publisher.micronaut.catalog.WireModels.Person;
import io.tributary.publisher.micronaut.catalog.WireModels.Shouted;
import io.tributary.publisher.micronaut.catalog.WireModels.Snaked;
import io.tributary.publisher.micronaut.catalog.WireModels.Untyped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The names, fields and nullability the catalog gives models, next to the JSON the real serializer writes for a
 * fully filled instance: the same keys, no more and no fewer.
 */
class WireNamesTest {
    private static ApplicationContext nonAbsent;
    private static ApplicationContext defaults;

    @BeforeAll
    static void start() {
        nonAbsent = ApplicationContext.run(Map.of("spec.name", "WireNamesTest",
                "micronaut.serde.serialization.inclusion", "NON_ABSENT"));
        defaults = ApplicationContext.run(Map.of("spec.name", "WireNamesTest"));
    }

    @AfterAll
    static void stop() {
        nonAbsent.close();
        defaults.close();
    }

    @Test
    void shouldNameFieldsAsWrittenAndLeaveOutWhatIsNeverWritten() {
        Person person = new Person("p-1", "Ada Kane", "owes us a book", "secret", "Ace", Optional.of("Onward"),
                List.of("chess"), Map.of("go", 3), 36, true, Mood.HAPPY, LocalDate.of(1990, 1, 2),
                new Address("1 Main St", "Leeds", List.of("Flat 2"), Optional.of("LS1")), List.of(), new Labelled<>(7, "seven"),
                "always", List.of("x"));

        Schema model = model(nonAbsent, Person.class);

        assertThat(fieldNames(model)).containsExactly("id", "name", "nickname", "motto", "tags", "scores", "age", "active",
                "mood", "born", "home", "previousHomes", "lucky", "alwaysWritten", "writtenWhenNotNull");
        assertThat(keys(WireShapesTest.written(nonAbsent, person))).containsExactlyInAnyOrderElementsOf(fieldNames(model));
    }

    @Test
    void shouldMakeNullableWhatTheInclusionMayLeaveOut() {
        Schema underDefaults = model(defaults, Person.class);
        Schema underNonAbsent = model(nonAbsent, Person.class);

        assertThat(nullable(underNonAbsent)).containsExactly("nickname", "motto");
        assertThat(nullable(underDefaults)).as("NON_EMPTY leaves out empty text, lists, maps and Optionals")
                .containsExactly("id", "name", "nickname", "motto", "tags", "scores", "previousHomes");
        Schema address = underDefaults.getField("home").schema();
        assertThat(nullable(address)).as("the type's own NON_NULL writes empty values").containsExactly("city", "postcode");
    }

    @Test
    void shouldTellWhichPropertiesAreNullableOnlyBecauseEmptyValuesAreLeftOut() {
        ModelSchemas schemas = new ModelSchemas(SerializationSettings.of(defaults));
        schemas.of(Argument.of(Person.class), "WireNamesTest", "the model");

        assertThat(schemas.leftOutWhenEmpty()).containsExactly("Labelled.label", "Person.displayName", "Person.id", "Person.previousHomes",
                "Person.scores", "Person.tags");
    }

    @Test
    void shouldNameEnumSymbolsAsWritten() {
        Schema mood = model(nonAbsent, Person.class).getField("mood").schema();

        assertThat(mood.getEnumSymbols()).containsExactly("happy", "grumpy", "CALM");
        assertThat(WireShapesTest.written(nonAbsent, Mood.GRUMPY).asText()).isEqualTo("grumpy");
    }

    @Test
    void shouldFollowNamingStrategiesWithJsonPropertyWinning() {
        assertThat(fieldNames(model(nonAbsent, Snaked.class))).containsExactly("first_name", "Surname", "house_number", "balance");
        assertThat(keys(WireShapesTest.written(nonAbsent, new Snaked("Ada", "Kane", 4, BigDecimal.ONE))))
                .containsExactly("first_name", "Surname", "house_number", "balance");
        assertThat(fieldNames(model(nonAbsent, Camel.class))).containsExactly("FirstName", "NickNames", "Code");
        assertThat(fieldNames(model(nonAbsent, Guarded.class))).containsExactly("id", "count");
        assertThat(fieldNames(model(nonAbsent, Shouted.class))).containsExactly("FIRSTNAME", "MOTTO");
        assertThat(keys(WireShapesTest.written(nonAbsent, new Shouted("Ada", "Onward")))).containsExactly("FIRSTNAME", "MOTTO");
    }

    @Test
    void shouldGiveAGenericRecordItsTypeArgument() {
        Schema lucky = model(nonAbsent, Person.class).getField("lucky").schema();

        assertThat(lucky.getName()).isEqualTo("LabelledInteger");
        assertThat(lucky.getField("value").schema().getType()).isEqualTo(Schema.Type.INT);
    }

    @Test
    void shouldDescribeAJsonValueTypeAsWhatItsMethodReturns() {
        Schema code = model(nonAbsent, Camel.class).getField("Code").schema();

        assertThat(code.getType()).isEqualTo(Schema.Type.STRING);
        assertThat(WireShapesTest.written(nonAbsent, new Code("c-1")).asText()).isEqualTo("#c-1");
    }

    @Test
    void shouldRefuseAGenericRecordWithoutItsTypeArgument() {
        assertThatThrownBy(() -> model(nonAbsent, Untyped.class))
                .isInstanceOf(CatalogDeclarationException.class)
                .hasMessageContaining("Labelled.value has the type variable T");
    }

    @Test
    void shouldRefuseAWireNameGraphQLCannotHaveNamingTheProperty() {
        assertThatThrownBy(() -> model(nonAbsent, Hyphenated.class))
                .isInstanceOf(CatalogDeclarationException.class)
                .hasMessageContaining("Hyphenated.firstName is written as \"first-name\"")
                .hasMessageContaining("@JsonProperty");
    }

    @Test
    void shouldRefuseAnUnwrappedProperty() {
        assertThatThrownBy(() -> model(nonAbsent, Flattened.class))
                .isInstanceOf(CatalogDeclarationException.class)
                .hasMessageContaining("Flattened.address is @JsonUnwrapped");
    }

    private static Schema model(ApplicationContext service, Class<?> type) {
        return new ModelSchemas(SerializationSettings.of(service)).of(Argument.of(type), "WireNamesTest", "the model");
    }

    private static List<String> fieldNames(Schema record) {
        return record.getFields().stream().map(Schema.Field::name).toList();
    }

    private static List<String> nullable(Schema record) {
        return record.getFields().stream().filter(f -> f.schema().getType() == Schema.Type.UNION).map(Schema.Field::name).toList();
    }

    private static List<String> keys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
