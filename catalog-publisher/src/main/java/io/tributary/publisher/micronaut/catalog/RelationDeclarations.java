package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.BeanDefinition;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.Relation;
import io.tributary.publisher.annotation.ForwardRelation;
import io.tributary.publisher.annotation.ReverseRelation;
import io.tributary.publisher.annotation.ThroughRelation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Reads the relations a resource controller declares ({@link ForwardRelation}, {@link ReverseRelation},
 * {@link ThroughRelation}) and checks them against the model: a forward relation's source field and a reverse
 * relation's {@code $field} arguments must be model fields.
 */
final class RelationDeclarations {
    private static final Pattern ARGUMENT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\\S.*?)\\s*");

    private RelationDeclarations() {
    }

    static List<Relation> read(BeanDefinition<?> controller, String where, Schema model) {
        List<Relation> relations = new ArrayList<>();
        for (AnnotationValue<ForwardRelation> forward : controller.getAnnotationValuesByType(ForwardRelation.class)) {
            String site = where + ": @ForwardRelation(field = \"" + forward.stringValue("field").orElse("") + "\")";
            String sourceField = forward.stringValue("sourceField").orElse("");
            requireField(model, sourceField, site, "sourceField");
            relations.add(build(site, () -> new Relation.Forward(forward.stringValue("field").orElse(""),
                    forward.stringValue("target").orElse(""), sourceField, forward.stringValue("description").orElse(""))));
        }
        for (AnnotationValue<ReverseRelation> reverse : controller.getAnnotationValuesByType(ReverseRelation.class)) {
            String site = where + ": @ReverseRelation(field = \"" + reverse.stringValue("field").orElse("") + "\")";
            Map<String, String> arguments = arguments(reverse.stringValues("arguments"), model, site);
            relations.add(build(site, () -> new Relation.Reverse(reverse.stringValue("field").orElse(""),
                    reverse.stringValue("target").orElse(""), reverse.stringValue("finder").orElse(""), arguments,
                    reverse.stringValue("description").orElse(""))));
        }
        for (AnnotationValue<ThroughRelation> through : controller.getAnnotationValuesByType(ThroughRelation.class)) {
            String site = where + ": @ThroughRelation(field = \"" + through.stringValue("field").orElse("") + "\")";
            relations.add(build(site, () -> new Relation.Through(through.stringValue("field").orElse(""),
                    through.stringValue("target").orElse(""), List.of(through.stringValues("path")),
                    through.stringValue("description").orElse(""))));
        }
        relations.sort(Comparator.comparing(Relation::field));
        return relations;
    }

    /** {@code "courseId=$id"} as {@code courseId -> $id}; every {@code $field} must be a model field. */
    private static Map<String, String> arguments(String[] declared, Schema model, String site) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : declared) {
            Matcher matcher = ARGUMENT.matcher(argument);
            if (!matcher.matches()) {
                throw new CatalogDeclarationException(site + ": argument '" + argument
                        + "' must read name=value, such as courseId=$id");
            }
            String value = matcher.group(2);
            if (value.startsWith("$")) {
                requireField(model, value.substring(1), site, "argument " + matcher.group(1) + " = " + value);
            }
            if (arguments.put(matcher.group(1), value) != null) {
                throw new CatalogDeclarationException(site + ": argument " + matcher.group(1) + " is given twice");
            }
        }
        return arguments;
    }

    private static void requireField(Schema model, String field, String site, String what) {
        if (model.getField(field) == null) {
            throw new CatalogDeclarationException(site + ": " + what + " names '" + field + "', which is not a field of "
                    + model.getName());
        }
    }

    private static Relation build(String site, Supplier<Relation> relation) {
        try {
            return relation.get();
        } catch (InvalidCatalogException e) {
            throw new CatalogDeclarationException(site + ": " + e.getMessage());
        }
    }
}
