package io.tributary.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field that links a resource to another, which REST alone cannot express (Coursera's forward and reverse
 * relations, SwipeSense's redundant "through" relationships, OpenAPI links to an operation that reads no resource).
 * Every relation names its field and its target: a resource as {@code name.vN}, or for a {@link Call} an operation
 * field by its name.
 */
public sealed interface Relation {
    Pattern TARGET = Pattern.compile("[a-z][A-Za-z0-9]*\\.v[1-9][0-9]*");

    /** The field the relation adds to the source type. */
    String field();

    /** The target resource, {@code instructors.v1}; for a {@link Call}, the operation field's name. */
    String target();

    String description();

    /**
     * Ids in a field of the source ({@code instructorIds}), fetched from the target by GET or MULTI_GET. When
     * {@code undeclared}, the source field is a property the service returns that its model leaves out (an OpenAPI
     * link's {@code $response.body#/contact_id} on a schema without it): the gateway reads it from the service's
     * JSON, and a source without it has no related element.
     */
    record Forward(String field, String target, String sourceField, boolean undeclared, String description) implements Relation {
        public Forward {
            validate(field, target);
            Objects.requireNonNull(sourceField, "source field of relation " + field);
            description = description == null ? "" : description;
        }

        /** A forward relation from a field the source's model declares. */
        public Forward(String field, String target, String sourceField, String description) {
            this(field, target, sourceField, false, description);
        }
    }

    /**
     * A finder on the target called with arguments taken from the source, such as {@code courseId = $id} on
     * {@code enrollments.v1}'s {@code byCourseId}: the seed's {@code ReverseRelation(resourceName, finderName, arguments)}.
     */
    record Reverse(String field, String target, String finder, Map<String, String> arguments, String description) implements Relation {
        public Reverse {
            validate(field, target);
            if (finder == null || finder.isBlank()) {
                throw new InvalidCatalogException("reverse relation " + field + " needs the target's finder name");
            }
            // Sorted, so the relation prints and encodes the same in every JVM (Map.copyOf's order varies between runs).
            arguments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(arguments));
            description = description == null ? "" : description;
        }
    }

    /** A path of other relations, {@code company = department.office.company}, offered as one hop. */
    record Through(String field, String target, List<String> path, String description) implements Relation {
        public Through {
            validate(field, target);
            path = List.copyOf(path);
            if (path.size() < 2) {
                throw new InvalidCatalogException("through relation " + field + " needs a path of at least two relations, was " + path);
            }
            description = description == null ? "" : description;
        }
    }

    /**
     * A GET operation field of the service called once per source element, with arguments taken from it, such as
     * {@code getRepository(username = $owner.username, slug = $slug)}: an OpenAPI link to an operation that reads no
     * resource by one key. Arguments map the target's parameter names to {@code $property.path} or a constant.
     */
    record Call(String field, String target, Map<String, String> arguments, String description) implements Relation {
        private static final Pattern OPERATION_FIELD = Pattern.compile("(?!__)[_A-Za-z][_0-9A-Za-z]*");

        public Call {
            Names.require(field, Pattern.compile("[a-z][A-Za-z0-9]*"), "relation field name");
            Names.require(target, OPERATION_FIELD, "target of relation " + field + " (an operation field's name)");
            // Sorted, like a reverse relation's, so it prints and encodes the same in every JVM.
            arguments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(arguments));
            description = description == null ? "" : description;
        }
    }

    private static void validate(String field, String target) {
        Names.require(field, Pattern.compile("[a-z][A-Za-z0-9]*"), "relation field name");
        Names.require(target, TARGET, "target of relation " + field + " (resource name and version, such as instructors.v1)");
    }
}
