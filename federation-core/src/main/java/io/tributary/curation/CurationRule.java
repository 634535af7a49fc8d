package io.tributary.curation;

import io.tributary.catalog.Relation;
import java.util.Objects;

/**
 * A platform team's overlay on the composed graph, kept on the curation topic under its id: what the services
 * publish stays the truth, curation only polishes how the graph shows it. Coordinates are GraphQL ones:
 * {@code Course} for a type, {@code Course.title} or {@code Query.coursesPaged} for a field.
 */
public sealed interface CurationRule {
    String id();

    /** Renames a type everywhere it is used. */
    record RenameType(String id, String type, String newName) implements CurationRule {
        public RenameType {
            requireAll(id, type, newName);
        }
    }

    /** Renames a field; the gateway still reads the service's property under its old name. */
    record RenameField(String id, String coordinate, String newName) implements CurationRule {
        public RenameField {
            requireAll(id, coordinate, newName);
        }
    }

    /** Hides a field or an operation (a Query or Mutation field) from the graph. */
    record Hide(String id, String coordinate) implements CurationRule {
        public Hide {
            requireAll(id, coordinate);
        }
    }

    /** Replaces the description of a type or field. */
    record Describe(String id, String coordinate, String description) implements CurationRule {
        public Describe {
            requireAll(id, coordinate, description);
        }
    }

    /** Deprecates a field, with the reason clients will see. */
    record Deprecate(String id, String coordinate, String reason) implements CurationRule {
        public Deprecate {
            requireAll(id, coordinate, reason);
        }
    }

    /** Adds a relation the owning service does not declare, to the resource {@code courses.v1}. */
    record AddRelation(String id, String resource, Relation relation) implements CurationRule {
        public AddRelation {
            requireAll(id, resource);
            Objects.requireNonNull(relation, "relation");
        }
    }

    private static void requireAll(String... values) {
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a curation rule needs its id, target and value");
            }
        }
    }
}
