package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericPlaceholder;
import io.tributary.publisher.annotation.Description;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Derives Avro schemas from Java types through Micronaut's compile-time bean introspection, the way Coursera derived
 * Pegasus schemas from Scala models, describing the JSON the service writes ({@link WireProperties}): fields carry
 * the wire names, leave out what is never written, and a property that can be missing or null becomes
 * {@code ["null", T]} with default null. Records are named after the Java type in its package (a generic one after
 * its type arguments too, {@code EnvelopeCourse}), described by {@link Description}. {@link BigDecimal} becomes
 * {@code decimal(38, 9)}: 29 digits before the point and 9 after, enough for money and rates. One instance per
 * controller, so a type used twice is defined once and referred to by name after.
 */
final class ModelSchemas {
    static final int DECIMAL_PRECISION = 38;
    static final int DECIMAL_SCALE = 9;
    private static final String SUPPORTED = "String, int, long, double, float, boolean, enums, List, Set, arrays, "
            + "Map<String, V>, LocalDate, Instant, UUID, BigDecimal and introspected records";

    private final SerializationSettings settings;
    private final Map<String, Schema> named = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final TreeSet<String> leftOutWhenEmpty = new TreeSet<>();

    ModelSchemas(SerializationSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether values of this type are written as JSON objects: types with a bean introspection that are not
     * otherwise mapped and have no {@code @JsonValue}.
     */
    static boolean isRecord(Class<?> type) {
        return scalar(type) == null && !type.isEnum() && !type.isArray() && !Iterable.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type) && BeanIntrospector.SHARED.findIntrospection(type)
                .filter(introspection -> WireProperties.jsonValue(Argument.of(type), introspection).isEmpty())
                .isPresent();
    }

    /** The properties that are nullable only because the service leaves them out when empty, {@code Course.title}. */
    List<String> leftOutWhenEmpty() {
        return List.copyOf(leftOutWhenEmpty);
    }

    /** Whether the type is {@code Optional} or one of its primitive cousins. */
    static boolean isOptional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                || type == OptionalDouble.class;
    }

    /**
     * The schema of a non-null value of {@code type}, an {@code Optional} unwrapped; {@code where} names the
     * controller method and {@code site} the property or argument, for the message of a type Avro cannot express.
     */
    Schema of(Argument<?> type, String where, String site) {
        if (type instanceof GenericPlaceholder<?> variable) {
            throw new CatalogDeclarationException(where + ": " + site + " has the type variable " + variable.getVariableName()
                    + ", which nothing gives a type; use its generic type with a type argument, such as Envelope<Course>");
        }
        Class<?> raw = type.getType();
        if (isOptional(raw)) {
            return of(optionalElement(type, where, site), where, site);
        }
        Schema scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw.isEnum()) {
            return named.containsKey(raw.getTypeName()) ? named.get(raw.getTypeName()) : enumSchema(raw, where);
        }
        if (raw.isArray()) {
            return Schema.createArray(of(Argument.of(raw.getComponentType()), where, site));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Argument<?>[] kv = type.getTypeParameters();
            if (kv.length != 2 || kv[0].getType() != String.class) {
                throw new CatalogDeclarationException(where + ": " + site + " is a " + type.getTypeString(true)
                        + ", but Avro maps need String keys: declare it as Map<String, V>");
            }
            return Schema.createMap(of(kv[1], where, site));
        }
        if (Iterable.class.isAssignableFrom(raw)) {
            Argument<?>[] element = type.getTypeParameters();
            if (element.length != 1 || element[0].getType() == Object.class) {
                throw new CatalogDeclarationException(where + ": " + site + " is a " + type.getTypeString(true)
                        + " without an element type; declare it as List<T> or Set<T>");
            }
            return Schema.createArray(of(element[0], where, site));
        }
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(raw);
        if (introspection.isEmpty()) {
            throw new CatalogDeclarationException(where + ": " + site + " has type " + raw.getTypeName()
                    + ", which Avro cannot express" + (isPlainClass(raw)
                    ? ": it has no bean introspection (annotate it with @Serdeable or @Introspected)"
                    : " (it can: " + SUPPORTED + ")"));
        }
        Optional<Argument<?>> value = WireProperties.jsonValue(type, introspection.get());
        if (value.isPresent()) {
            return of(value.get(), where, site);
        }
        String identity = identity(type);
        return named.containsKey(identity) ? named.get(identity) : record(type, identity, introspection.get(), where);
    }

    /** The Avro field of a property as written: {@code ["null", T]} with default null when it may be missing. */
    private Schema.Field field(WireProperties.WireProperty property, String where, String site) {
        Schema schema = of(property.type(), where, site);
        String doc = property.property().stringValue(Description.class).orElse(null);
        if (property.leftOutWhenEmpty()) {
            leftOutWhenEmpty.add(site);
        }
        if (property.optional()) {
            return new Schema.Field(property.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), schema),
                    doc, Schema.Field.NULL_DEFAULT_VALUE);
        }
        return new Schema.Field(property.name(), schema, doc);
    }

    private Schema record(Argument<?> type, String identity, BeanIntrospection<?> introspection, String where) {
        Class<?> raw = type.getType();
        Schema record = claim(identity, where, () -> Schema.createRecord(recordName(type),
                introspection.stringValue(Description.class).orElse(null), raw.getPackageName(), false));
        List<Schema.Field> fields = new ArrayList<>();
        for (WireProperties.WireProperty property : WireProperties.of(type, introspection, settings, where)) {
            String site = raw.getSimpleName() + "." + property.property().getName();
            fields.add(avro(where, site, () -> field(property, where, site)));
        }
        record.setFields(fields);
        return record;
    }

    private Schema enumSchema(Class<?> type, String where) {
        List<String> symbols = WireProperties.symbols(type, where);
        String doc = BeanIntrospector.SHARED.findIntrospection(type)
                .flatMap(i -> i.stringValue(Description.class))
                .or(() -> Optional.ofNullable(type.getAnnotation(Description.class)).map(Description::value))
                .orElse(null);
        return claim(type.getTypeName(), where,
                () -> Schema.createEnum(type.getSimpleName(), doc, type.getPackageName(), symbols));
    }

    /** Registers a named type, refusing a second Java type with the same Avro full name. */
    private Schema claim(String identity, String where, Supplier<Schema> create) {
        Schema schema = avro(where, identity, create);
        String owner = owners.putIfAbsent(schema.getFullName(), identity);
        if (owner != null && !owner.equals(identity)) {
            throw new CatalogDeclarationException(where + ": " + owner + " and " + identity
                    + " would both be the Avro type " + schema.getFullName() + "; rename one of them");
        }
        named.put(identity, schema);
        return schema;
    }

    /** {@code Envelope<Course>} as written in Java, the key of a generic type's schema. */
    private static String identity(Argument<?> type) {
        Argument<?>[] parameters = type.getTypeParameters();
        if (parameters.length == 0) {
            return type.getType().getTypeName();
        }
        return type.getType().getTypeName() + Arrays.stream(parameters).map(ModelSchemas::identity)
                .collect(Collectors.joining(", ", "<", ">"));
    }

    /** The record's name: the simple name, followed by its type arguments' for a generic type, {@code EnvelopeCourse}. */
    private static String recordName(Argument<?> type) {
        StringBuilder name = new StringBuilder(type.getType().getSimpleName());
        for (Argument<?> parameter : type.getTypeParameters()) {
            name.append(recordName(parameter));
        }
        return name.toString();
    }

    private static <T> T avro(String where, String site, Supplier<T> create) {
        try {
            return create.get();
        } catch (AvroRuntimeException e) {
            throw new CatalogDeclarationException(where + ": " + site + " is not a valid Avro name: " + e.getMessage());
        }
    }

    private static Argument<?> optionalElement(Argument<?> type, String where, String site) {
        Class<?> raw = type.getType();
        if (raw == OptionalInt.class) {
            return Argument.INT;
        }
        if (raw == OptionalLong.class) {
            return Argument.LONG;
        }
        if (raw == OptionalDouble.class) {
            return Argument.DOUBLE;
        }
        Argument<?>[] element = type.getTypeParameters();
        if (element.length != 1 || element[0].getType() == Object.class) {
            throw new CatalogDeclarationException(where + ": " + site + " is an Optional without an element type");
        }
        return element[0];
    }

    private static Schema scalar(Class<?> type) {
        if (type == String.class) {
            return Schema.create(Schema.Type.STRING);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return Schema.create(Schema.Type.INT);
        }
        if (type == long.class || type == Long.class) {
            return Schema.create(Schema.Type.LONG);
        }
        if (type == double.class || type == Double.class) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (type == float.class || type == Float.class) {
            return Schema.create(Schema.Type.FLOAT);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (type == LocalDate.class) {
            return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        }
        if (type == Instant.class) {
            return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        }
        if (type == UUID.class) {
            return LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
        }
        if (type == BigDecimal.class) {
            return LogicalTypes.decimal(DECIMAL_PRECISION, DECIMAL_SCALE).addToSchema(Schema.create(Schema.Type.BYTES));
        }
        return null;
    }

    /** A class of the application's own, as opposed to a JDK or library type such as Object or OffsetDateTime. */
    private static boolean isPlainClass(Class<?> type) {
        return !type.isPrimitive() && !type.isInterface() && !type.getPackageName().startsWith("java.")
                && !type.getPackageName().startsWith("javax.");
    }
}
