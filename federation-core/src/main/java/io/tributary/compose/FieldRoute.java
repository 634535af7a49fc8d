package io.tributary.compose;

import io.tributary.catalog.Operation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the gateway resolves one field of the composed schema: which service's REST operation to call, on which
 * resource, what shape the field returns, and how the call's arguments come from the parent object when the field
 * is a relation.
 */
public record FieldRoute(String parentType, String field, String service, String resource, String keyField,
                         Operation operation, Shape shape, Link link) {

    /** What the field returns: one element, a plain list, a Relay connection, or a {@code Paged} result. */
    public enum Shape { SINGLE, LIST, CONNECTION, PAGED }

    /** Where a relation field takes its arguments from; {@link Root} for fields whose arguments come from the query. */
    public sealed interface Link {
        /** Arguments come from the GraphQL field's own: REST parameter name to GraphQL argument name. */
        record Root(Map<String, String> arguments) implements Link {
            public Root {
                arguments = Map.copyOf(arguments);
            }
        }

        /** Ids in {@code sourceField} of the parent, fetched by the target's GET or MULTI_GET. */
        record Forward(String sourceField) implements Link {
        }

        /** The target's finder, with arguments templated from the parent: {@code courseId = $id}. */
        record Reverse(Map<String, String> arguments) implements Link {
            public Reverse {
                arguments = Map.copyOf(arguments);
            }
        }

        /** An operation field called once per parent, with arguments templated from it: {@code slug = $slug}. */
        record Call(Map<String, String> arguments) implements Link {
            public Call {
                arguments = Map.copyOf(arguments);
            }
        }

        /** A chain of other routed relation fields, by coordinate: {@code User.department}, {@code Department.office}. */
        record Through(List<String> hops) implements Link {
            public Through {
                hops = List.copyOf(hops);
            }
        }
    }

    public FieldRoute {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(link, "link");
    }

    /** {@code Query.course}: the coordinate of the field this route resolves. */
    public String coordinate() {
        return parentType + "." + field;
    }
}
