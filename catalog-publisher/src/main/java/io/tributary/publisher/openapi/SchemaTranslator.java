package io.tributary.publisher.openapi;

import io.tributary.publisher.openapi.UnmappedOperation.Category;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaParseException;

/**
 * Translates JSON Schemas of an OpenAPI document into Avro schemas, the catalog's model language. Objects become
 * records named after their component ({@code Partner}) or, inline, after their parent and property
 * ({@code PartnerAddress}); string enums become enums; {@code additionalProperties} a map; formats the logical types
 * ({@code date}, {@code timestamp-millis}, {@code uuid}, {@code decimal}); {@code description} the {@code doc}.
 * A value that may be null or absent becomes {@code ["null", T]} with default null. What Avro cannot say exactly
 * (free-form values, enum values that are no GraphQL names) is mapped as closely as it can and noted.
 */
final class SchemaTranslator {
    /** Avro has no "any JSON value"; a map is what the composer turns into the {@code JSON} scalar. */
    private static final org.apache.avro.Schema ANY = org.apache.avro.Schema.createMap(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING));
    private static final int DECIMAL_PRECISION = 38;
    private static final Set<String> RESERVED_SYMBOLS = Set.of("true", "false", "null");

    private final Components components;
    private final List<String> notes;
    private final Map<String, String> componentNames = new HashMap<>();
    private final Map<String, org.apache.avro.Schema> byComponent = new HashMap<>();
    private final Map<List<Object>, org.apache.avro.Schema> inlineTypes = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> noted = new HashSet<>();
    private final Set<String> translating = new HashSet<>();

    SchemaTranslator(Components components, List<String> notes) {
        this.components = components;
        this.notes = notes;
        components.schemas().keySet().stream().sorted().forEach(component -> {
            String name = Identifiers.pascal(component);
            componentNames.put(component, unique(name.isEmpty() || !Identifiers.isName(name) ? "Component" + name : name));
        });
    }

    /** Where a schema sits, for notes ({@code Carrier.region}), and the name an inline type there gets ({@code CarrierRegion}). */
    record Site(String where, String typeName) {
        static Site of(String typeName) {
            return new Site(typeName, typeName);
        }

        Site property(String name) {
            return new Site(where + "." + name, typeName + Identifiers.pascal(name));
        }

        Site items() {
            return new Site(where + "[]", Identifiers.singular(typeName));
        }
    }

    /** The Avro schema of a value, {@code ["null", T]} when null is allowed. */
    org.apache.avro.Schema value(Schema<?> schema, Site site) {
        org.apache.avro.Schema avro = nonNull(schema, site);
        return JsonSchemas.isNullable(schema, components) ? nullable(avro) : avro;
    }

    /** The Avro record of a resource's model; anything but an object is unmappable. */
    org.apache.avro.Schema record(Schema<?> schema, Site site) {
        org.apache.avro.Schema avro = nonNull(schema, site);
        if (avro.getType() != org.apache.avro.Schema.Type.RECORD) {
            throw new Unmappable(Category.OPERATION_FIELD, "its model is " + describe(schema) + ", not an object with properties");
        }
        return avro;
    }

    /** Whether a schema is an object with properties, and so becomes a record. */
    boolean isRecord(Schema<?> schema) {
        Schema<?> resolved = components.resolve(schema);
        return JsonSchemas.isObject(resolved) && !JsonSchemas.properties(resolved, components).isEmpty();
    }

    /** How reports name a schema: its component ({@code Shipment}), else {@code an inline object}. */
    static String describe(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return Components.componentName(schema.get$ref());
        }
        Set<String> types = JsonSchemas.types(schema);
        return types.isEmpty() ? "an inline schema of any type" : "an inline " + String.join(" or ", types);
    }

    private org.apache.avro.Schema nonNull(Schema<?> schema, Site site) {
        if (schema.get$ref() != null) {
            return component(schema.get$ref());
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return allOf(schema, site);
        }
        List<Schema<?>> alternatives = JsonSchemas.alternatives(schema).stream().filter(b -> !JsonSchemas.isNullType(b)).toList();
        if (!alternatives.isEmpty()) {
            return alternatives.size() == 1 ? nonNull(alternatives.getFirst(), site) : union(alternatives, site);
        }
        Set<String> types = JsonSchemas.types(schema);
        if (types.size() > 1) {
            return union(types.stream().<Schema<?>>map(type -> withType(schema, type)).toList(), site);
        }
        if (types.isEmpty()) {
            return any(site, schema.getTypes() != null && schema.getTypes().contains(JsonSchemas.NULL)
                    ? "a value that is always null" : "a value of any type");
        }
        return switch (types.iterator().next()) {
            case "string" -> string(schema, site);
            case "integer" -> "int64".equals(schema.getFormat()) ? primitive(org.apache.avro.Schema.Type.LONG) : primitive(org.apache.avro.Schema.Type.INT);
            case "number" -> number(schema);
            case "boolean" -> primitive(org.apache.avro.Schema.Type.BOOLEAN);
            case "array" -> array(schema, site);
            case "object" -> object(schema, site);
            default -> any(site, "a value of type " + types.iterator().next());
        };
    }

    private org.apache.avro.Schema component(String ref) {
        String component = Components.componentName(ref);
        org.apache.avro.Schema known = byComponent.get(component);
        if (known != null) {
            return known;
        }
        Schema<?> schema = components.schema(ref);
        String name = componentNames.getOrDefault(component, Identifiers.pascal(component));
        Site site = new Site(component, name);
        if (isRecord(schema)) {
            org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(name, schema.getDescription(), null, false);
            // Cached before its fields, so a record that refers to itself resolves to itself.
            byComponent.put(component, record);
            List<org.apache.avro.Schema.Field> fields;
            try {
                fields = fields(schema, site);
            } catch (RuntimeException e) {
                byComponent.remove(component);
                throw e;
            }
            if (fields.isEmpty()) {
                byComponent.put(component, ANY);
                return any(site, "an object whose every property is write-only or unnamed");
            }
            record.setFields(fields);
            return record;
        }
        if (!translating.add(component)) {
            // A oneOf or array component that contains itself has no record to stand for it while it is being made.
            return any(site, "a oneOf, anyOf or array that contains itself");
        }
        org.apache.avro.Schema avro = isStringEnum(schema) ? enumeration(schema, site, name) : nonNull(schema, site);
        translating.remove(component);
        byComponent.put(component, avro);
        return avro;
    }

    private org.apache.avro.Schema object(Schema<?> schema, Site site) {
        if (JsonSchemas.properties(schema, components).isEmpty()) {
            Object additional = schema.getAdditionalProperties();
            if (additional instanceof Schema<?> values) {
                return org.apache.avro.Schema.createMap(value(values, new Site(site.where() + "{}", site.typeName() + "Value")));
            }
            return any(site, "a free-form object");
        }
        List<org.apache.avro.Schema.Field> fields = fields(schema, site);
        if (fields.isEmpty()) {
            return any(site, "an object whose every property is write-only or unnamed");
        }
        return inlineNamed(schema, site, () -> {
            org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(unique(site.typeName()), schema.getDescription(), null, false);
            record.setFields(fields);
            return record;
        });
    }

    private org.apache.avro.Schema allOf(Schema<?> schema, Site site) {
        boolean ownProperties = schema.getProperties() != null && !schema.getProperties().isEmpty();
        if (schema.getAllOf().size() == 1 && !ownProperties) {
            return nonNull(schema.getAllOf().getFirst(), site);
        }
        for (Object part : schema.getAllOf()) {
            if (!JsonSchemas.isObject(components.resolve((Schema<?>) part))) {
                return any(site, "an allOf of something other than objects");
            }
        }
        return object(schema, site);
    }

    private List<org.apache.avro.Schema.Field> fields(Schema<?> schema, Site site) {
        Set<String> required = JsonSchemas.required(schema, components);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        JsonSchemas.properties(schema, components).forEach((name, property) -> {
            if (!Identifiers.isName(name)) {
                note(site.where(), "left out property '" + name + "': not a valid field name");
                return;
            }
            if (Boolean.TRUE.equals(property.getWriteOnly())) {
                return;
            }
            fields.add(field(name, property, required.contains(name), site.property(name)));
        });
        return fields;
    }

    private org.apache.avro.Schema.Field field(String name, Schema<?> property, boolean required, Site site) {
        org.apache.avro.Schema value = nonNull(property, site);
        boolean nullable = !required || JsonSchemas.isNullable(property, components);
        String doc = property.getDescription();
        org.apache.avro.Schema.Field field = !required
                ? new org.apache.avro.Schema.Field(name, nullable(value), doc, JsonProperties.NULL_VALUE)
                : new org.apache.avro.Schema.Field(name, nullable ? nullable(value) : value, doc);
        if (Boolean.TRUE.equals(property.getDeprecated())) {
            field.addProp("deprecated", "Deprecated in the service's OpenAPI document.");
        }
        return field;
    }

    private org.apache.avro.Schema string(Schema<?> schema, Site site) {
        if (isStringEnum(schema)) {
            return inlineNamed(schema, site, () -> enumeration(schema, site, null));
        }
        String format = Objects.requireNonNullElse(schema.getFormat(), "");
        return switch (format) {
            case "date" -> LogicalTypes.date().addToSchema(primitive(org.apache.avro.Schema.Type.INT));
            case "date-time" -> LogicalTypes.timestampMillis().addToSchema(primitive(org.apache.avro.Schema.Type.LONG));
            case "uuid" -> LogicalTypes.uuid().addToSchema(primitive(org.apache.avro.Schema.Type.STRING));
            default -> primitive(org.apache.avro.Schema.Type.STRING);
        };
    }

    private static boolean isStringEnum(Schema<?> schema) {
        return schema.getEnum() != null && !schema.getEnum().isEmpty()
                && schema.getEnum().stream().allMatch(v -> v == null || v instanceof String)
                && JsonSchemas.types(schema).equals(Set.of("string"));
    }

    /**
     * An Avro enum, or a string when a value is no valid name: renaming {@code in-review} to {@code in_review}
     * would make the gateway fail on every response that carries it.
     */
    private org.apache.avro.Schema enumeration(Schema<?> schema, Site site, String componentName) {
        Set<String> symbols = new LinkedHashSet<>();
        schema.getEnum().stream().filter(Objects::nonNull).forEach(v -> symbols.add((String) v));
        List<String> invalid = symbols.stream().filter(s -> !Identifiers.isName(s) || RESERVED_SYMBOLS.contains(s)).toList();
        if (!invalid.isEmpty()) {
            note(site.where(), "enum mapped as a string: " + invalid.stream().map(s -> "'" + s + "'").toList()
                    + (invalid.size() == 1 ? " is" : " are") + " not valid GraphQL enum values");
            return primitive(org.apache.avro.Schema.Type.STRING);
        }
        String name = componentName != null ? componentName : unique(site.typeName());
        return org.apache.avro.Schema.createEnum(name, schema.getDescription(), null, List.copyOf(symbols));
    }

    private static org.apache.avro.Schema number(Schema<?> schema) {
        String format = Objects.requireNonNullElse(schema.getFormat(), "");
        return switch (format) {
            case "decimal" -> LogicalTypes.decimal(DECIMAL_PRECISION, scale(schema.getMultipleOf()))
                    .addToSchema(primitive(org.apache.avro.Schema.Type.BYTES));
            case "float" -> primitive(org.apache.avro.Schema.Type.FLOAT);
            default -> primitive(org.apache.avro.Schema.Type.DOUBLE);
        };
    }

    /** The decimal places {@code multipleOf} allows ({@code 0.01} → 2); 0 when it says nothing. */
    private static int scale(BigDecimal multipleOf) {
        return multipleOf == null ? 0 : Math.max(0, multipleOf.stripTrailingZeros().scale());
    }

    private org.apache.avro.Schema array(Schema<?> schema, Site site) {
        if (schema.getItems() == null) {
            return org.apache.avro.Schema.createArray(any(site.items(), "array items of any type"));
        }
        return org.apache.avro.Schema.createArray(value(schema.getItems(), site.items()));
    }

    private org.apache.avro.Schema union(List<Schema<?>> branches, Site site) {
        List<org.apache.avro.Schema> types = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            org.apache.avro.Schema branch = nonNull(branches.get(i), new Site(site.where() + "|" + (i + 1), site.typeName() + "Option" + (i + 1)));
            if (branch.getType() == org.apache.avro.Schema.Type.UNION) {
                return any(site, "a nested oneOf or anyOf");
            }
            types.add(branch);
        }
        try {
            return org.apache.avro.Schema.createUnion(types);
        } catch (AvroRuntimeException e) {
            return any(site, "a oneOf or anyOf of " + types.stream().map(t -> t.getType().getName()).toList()
                    + " that Avro cannot tell apart");
        }
    }

    private org.apache.avro.Schema any(Site site, String what) {
        note(site.where(), what + ", mapped as a map (the GraphQL JSON scalar)");
        return ANY;
    }

    /** The type made for an inline schema at this site, made once: equal schemas at equal sites share their record or enum. */
    private org.apache.avro.Schema inlineNamed(Schema<?> schema, Site site, Supplier<org.apache.avro.Schema> create) {
        List<Object> key = List.of(site.typeName(), schema);
        org.apache.avro.Schema known = inlineTypes.get(key);
        if (known == null) {
            known = create.get();
            inlineTypes.put(key, known);
        }
        return known;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> withType(Schema<?> schema, String type) {
        Schema copy = new Schema();
        copy.setType(type);
        copy.setFormat(schema.getFormat());
        copy.setItems(schema.getItems());
        copy.setProperties(schema.getProperties());
        copy.setAdditionalProperties(schema.getAdditionalProperties());
        copy.setRequired(schema.getRequired());
        copy.setDescription(schema.getDescription());
        if ("string".equals(type)) {
            copy.setEnum(schema.getEnum());
        }
        return copy;
    }

    static org.apache.avro.Schema nullable(org.apache.avro.Schema schema) {
        if (schema.getType() == org.apache.avro.Schema.Type.NULL) {
            return schema;
        }
        List<org.apache.avro.Schema> branches = new ArrayList<>();
        branches.add(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL));
        if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
            schema.getTypes().stream().filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).forEach(branches::add);
        } else {
            branches.add(schema);
        }
        return org.apache.avro.Schema.createUnion(branches);
    }

    private static org.apache.avro.Schema primitive(org.apache.avro.Schema.Type type) {
        return org.apache.avro.Schema.create(type);
    }

    /** A type name no other type of this document has: {@code PartnerAddress}, else {@code PartnerAddress2}, ... */
    private String unique(String name) {
        String candidate = name;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = name + n;
        }
        try {
            org.apache.avro.Schema.createRecord(candidate, null, null, false);
        } catch (SchemaParseException e) {
            throw new Unmappable(Category.INVALID, "'" + candidate + "' is not a valid type name");
        }
        return candidate;
    }

    private void note(String where, String what) {
        String note = where + ": " + what;
        if (noted.add(note)) {
            notes.add(note);
        }
    }
}
