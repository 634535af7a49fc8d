package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Derives Avro schemas from Java types through Micronaut's compile-time bean introspection, the way Coursera derived
 * Pegasus schemas from Scala models. Records are named after the Java type in its package, described by
 * {@link Description}; a {@code @Nullable} or {@code Optional} property becomes {@code ["null", T]} with default null.
 * {@link BigDecimal} becomes {@code decimal(38, 9)}: 29 digits before the point and 9 after, enough for money and
 * rates. One instance per controller, so a type used twice is defined once and referred to by name after.
 */
final class ModelSchemas {
    static final int DECIMAL_PRECISION = 38;
    static final int DECIMAL_SCALE = 9;
    private static final String SUPPORTED = "String, int, long, double, float, boolean, enums, List, Set, arrays, "
            + "Map<String, V>, LocalDate, Instant, UUID, BigDecimal and introspected records";

    private final Map<Class<?>, Schema> named = new HashMap<>();
    private final Map<String, Class<?>> owners = new HashMap<>();

    /** Whether values of this type are records: types with a bean introspection that are not otherwise mapped. */
    static boolean isRecord(Class<?> type) {
        return scalar(type) == null && !type.isEnum() && !type.isArray() && !Iterable.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type) && BeanIntrospector.SHARED.findIntrospection(type).isPresent();
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
        Class<?> raw = type.getType();
        if (isOptional(raw)) {
            return of(optionalElement(type, where, site), where, site);
        }
        Schema scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw.isEnum()) {
            return named.containsKey(raw) ? named.get(raw) : enumSchema(raw, where);
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
        return named.containsKey(raw) ? named.get(raw) : record(raw, introspection.get(), where);
    }

    /** The Avro field of a record property: {@code ["null", T]} with default null when the property may be null. */
    private Schema.Field field(BeanProperty<?, ?> property, String where, String site, String doc) {
        Argument<?> type = property.asArgument();
        Schema schema = of(type, where, site);
        if (property.isNullable() || isOptional(type.getType())) {
            return new Schema.Field(property.getName(), Schema.createUnion(Schema.create(Schema.Type.NULL), schema),
                    doc, Schema.Field.NULL_DEFAULT_VALUE);
        }
        return new Schema.Field(property.getName(), schema, doc);
    }

    private Schema record(Class<?> type, BeanIntrospection<?> introspection, String where) {
        Schema record = claim(type, where, () -> Schema.createRecord(type.getSimpleName(),
                introspection.stringValue(Description.class).orElse(null), type.getPackageName(), false));
        List<Schema.Field> fields = new ArrayList<>();
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            if (property.isWriteOnly()) {
                continue;
            }
            String site = type.getSimpleName() + "." + property.getName();
            String doc = property.stringValue(Description.class).orElse(null);
            fields.add(avro(where, site, () -> field(property, where, site, doc)));
        }
        record.setFields(fields);
        return record;
    }

    private Schema enumSchema(Class<?> type, String where) {
        List<String> symbols = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        String doc = BeanIntrospector.SHARED.findIntrospection(type)
                .flatMap(i -> i.stringValue(Description.class))
                .or(() -> Optional.ofNullable(type.getAnnotation(Description.class)).map(Description::value))
                .orElse(null);
        return claim(type, where, () -> Schema.createEnum(type.getSimpleName(), doc, type.getPackageName(), symbols));
    }

    /** Registers a named type, refusing a second Java type with the same Avro full name. */
    private Schema claim(Class<?> type, String where, Supplier<Schema> create) {
        Schema schema = avro(where, type.getSimpleName(), create);
        Class<?> owner = owners.putIfAbsent(schema.getFullName(), type);
        if (owner != null && owner != type) {
            throw new CatalogDeclarationException(where + ": " + owner.getTypeName() + " and " + type.getTypeName()
                    + " would both be the Avro type " + schema.getFullName() + "; rename one of them");
        }
        named.put(type, schema);
        return schema;
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
