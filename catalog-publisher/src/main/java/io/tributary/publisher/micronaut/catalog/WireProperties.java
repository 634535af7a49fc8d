package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.beans.EnumBeanIntrospection;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericPlaceholder;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.config.annotation.SerdeConfig.SerInclude;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties of an introspected type as Micronaut Serialization writes them, read from the metadata its
 * annotation processor leaves: the wire name ({@code @JsonProperty}, {@code @JsonNaming},
 * {@code @Serdeable.Serializable(naming = ...)} or the service's naming strategy), properties it never writes
 * ({@code @JsonIgnore}, {@code @JsonIgnoreProperties}, write-only access), and whether the property can be missing
 * from the JSON ({@code @Nullable}, {@code Optional}, or an inclusion rule that leaves empty values out: under
 * {@code NON_EMPTY}, Micronaut's default, an empty string, collection, map or array is not written at all).
 */
final class WireProperties {
    /** A GraphQL name, which is also an Avro name: what a wire name must be to become a field of the graph. */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    /**
     * One property as the service writes it: its JSON name, its Java type with type variables resolved, whether the
     * JSON may lack it, and whether only because it is left out when empty (a non-null string or list under
     * {@code NON_EMPTY}).
     */
    record WireProperty(BeanProperty<?, ?> property, String name, Argument<?> type, boolean optional,
            boolean leftOutWhenEmpty) {
    }

    private WireProperties() {
    }

    /**
     * The properties {@code owner} is written with, in declaration order; {@code owner} carries the type arguments
     * of a generic type ({@code Envelope<Course>}), which replace its properties' type variables.
     */
    static List<WireProperty> of(Argument<?> owner, BeanIntrospection<?> introspection, SerializationSettings settings,
            String where) {
        Class<?> type = owner.getType();
        Map<String, Argument<?>> variables = owner.getTypeVariables();
        SerInclude typeInclusion = inclusion(introspection, settings.inclusion());
        List<WireProperty> properties = new ArrayList<>();
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            if (property.isWriteOnly() || isNeverWritten(property)) {
                continue;
            }
            String site = type.getSimpleName() + "." + property.getName();
            if (property.hasAnnotation(SerdeConfig.SerUnwrapped.class)) {
                throw new CatalogDeclarationException(where + ": " + site + " is @JsonUnwrapped, whose properties the"
                        + " catalog cannot place; declare them on " + type.getSimpleName() + " itself");
            }
            SerInclude inclusion = inclusion(property, typeInclusion);
            if (inclusion == SerInclude.NEVER) {
                continue;
            }
            Argument<?> propertyType = resolve(property.asArgument(), variables);
            boolean nullable = property.isNullable() || ModelSchemas.isOptional(propertyType.getType());
            boolean leftOutWhenEmpty = !nullable && (inclusion == SerInclude.NON_DEFAULT
                    || inclusion == SerInclude.NON_EMPTY && mayBeEmpty(propertyType.getType()));
            String name = wireName(property, introspection, settings, where);
            properties.add(new WireProperty(property, requireName(name, site, where), propertyType,
                    nullable || leftOutWhenEmpty, leftOutWhenEmpty));
        }
        return properties;
    }

    /**
     * The type a value of {@code owner} is written as when a {@code @JsonValue} method or property stands for it
     * ({@code record CourseCode(String value)} written as {@code "c-1"}); empty for types written as objects.
     */
    static Optional<Argument<?>> jsonValue(Argument<?> owner, BeanIntrospection<?> introspection) {
        Stream<Argument<?>> methods = introspection.getBeanMethods().stream()
                .filter(method -> method.getAnnotationMetadata().hasAnnotation(SerdeConfig.SerValue.class))
                .map(method -> method.getReturnType().asArgument());
        Stream<Argument<?>> properties = introspection.getBeanProperties().stream()
                .filter(property -> property.hasAnnotation(SerdeConfig.SerValue.class))
                .map(BeanProperty::asArgument);
        return Stream.concat(methods, properties).findFirst().map(type -> resolve(type, owner.getTypeVariables()));
    }

    /** The symbols an enum is written as: each constant's {@code @JsonProperty} name, else the constant's name. */
    static List<String> symbols(Class<?> type, String where) {
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type);
        if (introspection.isPresent() && introspection.get() instanceof EnumBeanIntrospection<?> enumeration) {
            return enumeration.getConstants().stream()
                    .map(constant -> requireName(constant.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                            .orElse(constant.getValue().name()), type.getSimpleName() + "." + constant.getValue().name(), where))
                    .toList();
        }
        return Stream.of(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    private static boolean isNeverWritten(BeanProperty<?, ?> property) {
        return property.booleanValue(SerdeConfig.class, SerdeConfig.IGNORED).orElse(false)
                || property.booleanValue(SerdeConfig.class, SerdeConfig.IGNORED_SERIALIZATION).orElse(false)
                || property.booleanValue(SerdeConfig.class, SerdeConfig.WRITE_ONLY).orElse(false);
    }

    /** The inclusion an annotation says, {@code USE_DEFAULTS} or none meaning the one around it. */
    private static SerInclude inclusion(AnnotationMetadata annotations, SerInclude around) {
        return annotations.enumValue(SerdeConfig.class, SerdeConfig.INCLUDE, SerInclude.class)
                .filter(include -> include != SerInclude.USE_DEFAULTS)
                .orElse(around);
    }

    /** What {@code NON_EMPTY} leaves out besides null: empty text, collections, maps, arrays and Optionals. */
    private static boolean mayBeEmpty(Class<?> type) {
        return CharSequence.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray()
                || ModelSchemas.isOptional(type);
    }

    @SuppressWarnings("unchecked")
    private static String wireName(BeanProperty<?, ?> property, BeanIntrospection<?> introspection,
            SerializationSettings settings, String where) {
        return property.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                .or(() -> introspection.classValue(SerdeConfig.class, SerdeConfig.RUNTIME_NAMING)
                        .map(naming -> settings.strategy((Class<? extends PropertyNamingStrategy>) naming, where))
                        .map(naming -> naming.translate(property)))
                .orElseGet(() -> settings.naming() == null ? property.getName() : settings.naming().translate(property));
    }

    private static String requireName(String name, String site, String where) {
        if (!NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new CatalogDeclarationException(where + ": " + site + " is written as \"" + name + "\", which is not"
                    + " a GraphQL name (letters, digits and _, not starting with a digit or __); rename it with"
                    + " @JsonProperty(\"...\")");
        }
        return name;
    }

    /** The type with its type variables ({@code T}, {@code List<T>}) replaced by the owner's type arguments. */
    private static Argument<?> resolve(Argument<?> type, Map<String, Argument<?>> variables) {
        if (type instanceof GenericPlaceholder<?> variable && variables.containsKey(variable.getVariableName())) {
            return variables.get(variable.getVariableName());
        }
        Argument<?>[] parameters = type.getTypeParameters();
        if (parameters.length == 0) {
            return type;
        }
        Argument<?>[] resolved = new Argument<?>[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            resolved[i] = resolve(parameters[i], variables);
        }
        return Argument.of(type.getType(), type.getName(), type.getAnnotationMetadata(), resolved);
    }
}
