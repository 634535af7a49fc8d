package io.tributary.fold;

import io.tributary.catalog.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The part of two catalogs both can answer: the resources both serve, the operations and relations both offer,
 * and the model fields both return. Keeps the first catalog's order, so folding is deterministic.
 */
final class CatalogIntersection {
    private CatalogIntersection() {
    }

    static List<Resource> of(List<Resource> left, List<Resource> right) {
        Map<String, Resource> rightByName = right.stream()
                .collect(Collectors.toMap(Resource::qualifiedName, Function.identity()));
        List<Resource> common = new ArrayList<>();
        for (Resource resource : left) {
            Resource other = rightByName.get(resource.qualifiedName());
            if (other == null) {
                continue;
            }
            Schema model = intersectRecords(resource.model(), other.model());
            if (model.getField(resource.keyField()) == null || !resource.keyField().equals(other.keyField())) {
                continue;
            }
            common.add(new Resource(resource.name(), resource.version(), resource.description(), model,
                    resource.keyField(), common(resource.operations(), other.operations()),
                    common(resource.relations(), other.relations()), resource.deprecationReason()));
        }
        return common;
    }

    /** Operations and relations are served alike only when they are equal in every detail. */
    private static <T> List<T> common(List<T> left, List<T> right) {
        return left.stream().filter(right::contains).toList();
    }

    /** The record with only the fields both records declare with the same schema. */
    private static Schema intersectRecords(Schema left, Schema right) {
        if (left.equals(right)) {
            return left;
        }
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : left.getFields()) {
            Schema.Field other = right.getField(field.name());
            if (other != null && Objects.equals(field.schema(), other.schema())) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(left.getName(), left.getDoc(), left.getNamespace(), false, fields);
    }
}
