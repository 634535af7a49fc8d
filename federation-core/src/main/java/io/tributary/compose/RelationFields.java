package io.tributary.compose;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Relation;
import io.tributary.compose.FieldRoute.Link;
import io.tributary.compose.FieldRoute.Shape;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Code;
import io.tributary.diagnostic.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * Adds the relations of every composed resource as fields of its type: forward ({@code Course.instructors} from
 * {@code instructorIds}), reverse ({@code Course.enrollments} via enrollments' {@code byCourseId}), through
 * ({@code User.company} along {@code department.office.company}) and call ({@code Repository.parent} calling the
 * Query operation field {@code getRepository}, answering its type). A relation whose target is not in the graph is
 * left out with a warning.
 */
final class RelationFields {
    private final TypeRegistry registry;
    private final Map<String, ComposedResource> resources;
    private final List<FieldRoute> routes;
    private final List<Diagnostic> diagnostics;
    /** The composed Query field of a name, or null: where a call relation finds its operation field's type. */
    private final Function<String, GraphQLFieldDefinition> queryFields;

    RelationFields(TypeRegistry registry, Map<String, ComposedResource> resources, List<FieldRoute> routes, List<Diagnostic> diagnostics,
                   Function<String, GraphQLFieldDefinition> queryFields) {
        this.registry = registry;
        this.resources = resources;
        this.routes = routes;
        this.diagnostics = diagnostics;
        this.queryFields = queryFields;
    }

    /** Forward and reverse relations first: through relations are paths over them. */
    void addAll() {
        Map<String, List<GraphQLFieldDefinition>> fields = new LinkedHashMap<>();
        for (boolean through : new boolean[] {false, true}) {
            for (ComposedResource source : resources.values()) {
                for (Relation relation : source.resource().relations()) {
                    if (relation instanceof Relation.Through == through) {
                        field(source, relation).ifPresent(f -> fields.computeIfAbsent(source.modelType(), k -> new ArrayList<>()).add(f));
                    }
                }
            }
        }
        fields.forEach((typeName, added) -> {
            GraphQLObjectType type = (GraphQLObjectType) registry.get(typeName);
            registry.replace(type.transform(builder -> added.forEach(builder::field)));
        });
    }

    private Optional<GraphQLFieldDefinition> field(ComposedResource source, Relation relation) {
        ComposedResource target = resources.get(relation.target());
        if (target == null && !(relation instanceof Relation.Call)) {
            return dangling(source, relation, "its target " + relation.target() + " is not in the graph");
        }
        return switch (relation) {
            case Relation.Forward forward -> forward(source, forward, target);
            case Relation.Reverse reverse -> reverse(source, reverse, target);
            case Relation.Through through -> through(source, through);
            case Relation.Call call -> call(source, call);
        };
    }

    private Optional<GraphQLFieldDefinition> forward(ComposedResource source, Relation.Forward relation, ComposedResource target) {
        Schema.Field sourceField = source.resource().model().getField(relation.sourceField());
        if (sourceField == null && !relation.undeclared()) {
            return dangling(source, relation, "its source field " + relation.sourceField() + " is not a field of " + source.modelType());
        }
        Optional<Operation> fetch = operation(target, OperationKind.MULTI_GET).or(() -> operation(target, OperationKind.GET));
        if (fetch.isEmpty()) {
            return dangling(source, relation, relation.target() + " offers neither GET nor MULTI_GET");
        }
        boolean many = manyFrom(source, relation);
        add(source, relation.field(), target, fetch.get(), many ? Shape.LIST : Shape.SINGLE, new Link.Forward(relation.sourceField()));
        return Optional.of(definition(relation, many ? list(target.modelType()) : GraphQLTypeReference.typeRef(target.modelType())));
    }

    private Optional<GraphQLFieldDefinition> reverse(ComposedResource source, Relation.Reverse relation, ComposedResource target) {
        Optional<Operation> finder = target.resource().operations().stream()
                .filter(op -> op.kind() == OperationKind.FINDER && op.name().equals(relation.finder()))
                .findFirst();
        if (finder.isEmpty()) {
            return dangling(source, relation, relation.target() + " has no finder " + relation.finder());
        }
        add(source, relation.field(), target, finder.get(), Shape.LIST, new Link.Reverse(relation.arguments()));
        return Optional.of(definition(relation, list(target.modelType())));
    }

    private Optional<GraphQLFieldDefinition> through(ComposedResource source, Relation.Through relation) {
        List<String> hops = new ArrayList<>();
        ComposedResource at = source;
        boolean many = false;
        Operation last = null;
        for (String step : relation.path()) {
            Optional<Relation> hop = at.resource().relations().stream().filter(r -> r.field().equals(step)).findFirst();
            ComposedResource next = hop.map(r -> resources.get(r.target())).orElse(null);
            if (hop.isEmpty() || next == null || hop.get() instanceof Relation.Through) {
                return dangling(source, relation, "step " + step + " of " + String.join(".", relation.path())
                        + " is not a forward or reverse relation of " + at.modelType() + " in the graph");
            }
            hops.add(at.modelType() + "." + step);
            many |= hop.get() instanceof Relation.Reverse || manyFrom(at, (Relation.Forward) hop.get());
            last = routes.stream().filter(r -> r.coordinate().equals(hops.getLast())).map(FieldRoute::operation).findFirst()
                    .orElse(null);
            at = next;
        }
        if (!at.resource().qualifiedName().equals(relation.target()) || last == null) {
            return dangling(source, relation, "its path ends at " + at.resource().qualifiedName() + ", not at " + relation.target());
        }
        add(source, relation.field(), at, last, many ? Shape.LIST : Shape.SINGLE, new Link.Through(hops));
        return Optional.of(definition(relation, many ? list(at.modelType()) : GraphQLTypeReference.typeRef(at.modelType())));
    }

    /** The Query operation field the relation names, called with the relation's arguments; its answer is the field's value. */
    private Optional<GraphQLFieldDefinition> call(ComposedResource source, Relation.Call relation) {
        String coordinate = "Query." + relation.target();
        Optional<FieldRoute> called = routes.stream()
                .filter(r -> r.coordinate().equals(coordinate) && r.operation().kind() == OperationKind.CALL).findFirst();
        GraphQLFieldDefinition field = queryFields.apply(relation.target());
        if (called.isEmpty() || field == null) {
            return dangling(source, relation, "its target " + relation.target() + " is not a Query operation field in the graph"
                    + " (a field of an object type only reads: an operation that is not a GET is on Mutation)");
        }
        Operation operation = called.get().operation();
        List<String> names = operation.parameters().stream().map(io.tributary.catalog.Parameter::name).toList();
        List<String> unknown = relation.arguments().keySet().stream().filter(name -> !names.contains(name)).toList();
        List<String> unfilled = operation.parameters().stream()
                .filter(p -> p.required() && p.constant().isEmpty() && !relation.arguments().containsKey(p.name()))
                .map(io.tributary.catalog.Parameter::name).distinct().toList();
        if (!unknown.isEmpty() || !unfilled.isEmpty()) {
            return dangling(source, relation, relation.target() + (unknown.isEmpty() ? " needs " + unfilled + ", which it leaves unfilled"
                    : " has no parameters " + unknown));
        }
        routes.add(new FieldRoute(source.modelType(), relation.field(), called.get().service(), "", "", operation, Shape.SINGLE,
                new Link.Call(relation.arguments())));
        return Optional.of(definition(relation, field.getType()));
    }

    /** Whether a forward relation's source field holds a list of ids; an undeclared one is read as one id. */
    private static boolean manyFrom(ComposedResource source, Relation.Forward relation) {
        Schema.Field sourceField = source.resource().model().getField(relation.sourceField());
        return sourceField != null && ModelTypes.isList(sourceField.schema());
    }

    private void add(ComposedResource source, String field, ComposedResource target, Operation op, Shape shape, Link link) {
        routes.add(new FieldRoute(source.modelType(), field, target.service(), target.resource().qualifiedName(),
                target.resource().keyField(), op, shape, link));
    }

    private Optional<GraphQLFieldDefinition> dangling(ComposedResource source, Relation relation, String why) {
        diagnostics.add(new Diagnostic(Severity.WARNING, Code.DANGLING_RELATION, "relation " + relation.field() + " of "
                + source.resource().qualifiedName() + " is left out: " + why, source.service() + ":" + source.modelType() + "." + relation.field()));
        return Optional.empty();
    }

    private static Optional<Operation> operation(ComposedResource resource, OperationKind kind) {
        return resource.resource().operations().stream().filter(op -> op.kind() == kind).findFirst();
    }

    private static GraphQLFieldDefinition definition(Relation relation, GraphQLOutputType type) {
        return GraphQLFieldDefinition.newFieldDefinition().name(relation.field()).type(type)
                .description(relation.description().isEmpty() ? null : relation.description()).build();
    }

    private static GraphQLOutputType list(String element) {
        return GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(element))));
    }
}
