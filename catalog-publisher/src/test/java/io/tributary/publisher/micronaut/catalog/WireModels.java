package io.tributary.publisher.micronaut.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.AnnotatedElement;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Models that use what Micronaut Serialization reads from annotations, for the tests that serialize them. */
final class WireModels {
    private WireModels() {
    }

    /** Renamed, ignored, write-only, nullable, optional and empty-able properties side by side. */
    @Serdeable
    record Person(
            String id,
            @JsonProperty("name") String displayName,
            @JsonIgnore String internalNotes,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
            @Nullable String nickname,
            Optional<String> motto,
            List<String> tags,
            Map<String, Integer> scores,
            int age,
            boolean active,
            Mood mood,
            LocalDate born,
            Address home,
            List<Address> previousHomes,
            Labelled<Integer> lucky,
            @JsonInclude(JsonInclude.Include.ALWAYS) String alwaysWritten,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> writtenWhenNotNull) {
    }

    /** An enum whose constants are written under other names. */
    @Serdeable
    enum Mood {
        @JsonProperty("happy") HAPPY,
        @JsonProperty("grumpy") GRUMPY,
        CALM
    }

    /** A type that writes nulls out of its JSON but keeps empty values. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String street, @Nullable String city, List<String> lines, Optional<String> postcode) {
    }

    /** A generic record: its {@code T} property takes the type argument of where it is used. */
    @Serdeable
    record Labelled<T>(T value, String label) {
    }

    /** Names translated by a naming strategy, one overridden by {@code @JsonProperty}. */
    @Serdeable.Serializable(naming = SnakeCaseStrategy.class)
    @Serdeable.Deserializable
    record Snaked(String firstName, @JsonProperty("Surname") String lastName, int houseNumber, BigDecimal balance) {
    }

    /** Names translated at run time by a naming strategy of the service's own. */
    @Serdeable.Serializable(naming = Shouting.class)
    @Serdeable.Deserializable
    record Shouted(String firstName, @Nullable String motto) {
    }

    /** A naming strategy the annotation processor cannot run, a bean: {@code firstName} as {@code FIRSTNAME}. */
    @Singleton
    public static final class Shouting implements PropertyNamingStrategy {
        @Override
        public String translate(AnnotatedElement element) {
            return element.getName().toUpperCase(Locale.ROOT);
        }
    }

    /** Names translated by Jackson's {@code @JsonNaming}. */
    @Serdeable
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Camel(String firstName, List<String> nickNames, Code code) {
    }

    /** A property left out by the type's {@code @JsonIgnoreProperties}. */
    @Serdeable
    @JsonIgnoreProperties({"secret"})
    record Guarded(String id, String secret, @Nullable Long count) {
    }

    /** A Java bean: a getter-only property is written, an ignored getter is not. */
    @Serdeable
    static class Account {
        private String id = "";
        private String pin = "";

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @JsonIgnore
        public String getPin() {
            return pin;
        }

        public void setPin(String pin) {
            this.pin = pin;
        }

        public int getIdLength() {
            return id.length();
        }
    }

    /** A value written as the text its {@code @JsonValue} method returns, not as an object. */
    @Serdeable
    record Code(String value) {
        @JsonValue
        public String text() {
            return "#" + value;
        }
    }

    /** A generic record used without its type argument. */
    @Serdeable
    record Untyped(String id, @SuppressWarnings("rawtypes") Labelled label) {
    }

    /** A wire name GraphQL cannot have. */
    @Serdeable
    record Hyphenated(String id, @JsonProperty("first-name") String firstName) {
    }

    /** An unwrapped property, whose properties serde writes into the enclosing object. */
    @Serdeable
    record Flattened(String id, @JsonUnwrapped Address address) {
    }
}
