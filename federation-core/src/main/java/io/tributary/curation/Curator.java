package io.tributary.curation;

import graphql.language.Argument;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.NamedNode;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.FieldRoute;
import io.tributary.compose.Routing;
import io.tributary.compose.SdlPrinter;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diagnostic.Diagnostic.Code;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.fold.EffectiveCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies curation rules: added relations before composition (they need routes), everything else to the composed
 * SDL and its routing. A rule that matches nothing is a warning; a set of rules that would make the schema invalid
 * is refused as a whole with an error, and the graph is served uncurated.
 */
public final class Curator {
    private final List<CurationRule> rules;

    public Curator(List<CurationRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(CurationRule::id)).toList();
    }

    /** Adds the curated relations to the resources they name. */
    public List<EffectiveCatalog> withAddedRelations(List<EffectiveCatalog> catalogs, Set<String> matched) {
        List<CurationRule.AddRelation> additions = rules.stream()
                .filter(CurationRule.AddRelation.class::isInstance).map(CurationRule.AddRelation.class::cast).toList();
        if (additions.isEmpty()) {
            return catalogs;
        }
        List<EffectiveCatalog> result = new ArrayList<>();
        for (EffectiveCatalog catalog : catalogs) {
            List<Resource> resources = new ArrayList<>();
            for (Resource resource : catalog.resources()) {
                List<Relation> relations = new ArrayList<>(resource.relations());
                for (CurationRule.AddRelation addition : additions) {
                    if (addition.resource().equals(resource.qualifiedName())
                            && relations.stream().noneMatch(r -> r.field().equals(addition.relation().field()))) {
                        relations.add(addition.relation());
                        matched.add(addition.id());
                    }
                }
                resources.add(new Resource(resource.name(), resource.version(), resource.description(), resource.model(),
                        resource.keyField(), resource.operations(), relations, resource.deprecationReason()));
            }
            result.add(new EffectiveCatalog(catalog.service(), catalog.status(), catalog.instances(), resources, catalog.operations()));
        }
        return result;
    }

    /** Applies the other rules to the composed graph; {@code matched} holds the ids of added relations that applied. */
    public ComposedGraph apply(ComposedGraph graph, Set<String> matched) {
        if (rules.isEmpty()) {
            return graph;
        }
        Overlay overlay = new Overlay(graph.routing());
        Document document = (Document) new AstTransformer().transform(new Parser().parseDocument(graph.sdl()), overlay);
        matched.addAll(overlay.matched);
        List<Diagnostic> diagnostics = new ArrayList<>(graph.diagnostics());
        for (CurationRule rule : rules) {
            if (!matched.contains(rule.id())) {
                diagnostics.add(new Diagnostic(Severity.WARNING, Code.CURATION_UNMATCHED,
                        "curation rule " + rule.id() + " matches nothing in the graph: " + rule, rule.id()));
            }
        }
        GraphQLSchema curated;
        try {
            curated = SdlPrinter.parse(AstPrinter.printAst(document));
        } catch (graphql.GraphQLException e) {
            diagnostics.add(new Diagnostic(Severity.ERROR, Code.CURATION_INVALID,
                    "the curation rules would make the schema invalid, so none is applied: " + e.getMessage(), "curation"));
            return new ComposedGraph(graph.sdl(), graph.routing(), diagnostics, graph.failedServices(), graph.schema());
        }
        return new ComposedGraph(SdlPrinter.print(curated), overlay.reroute(graph.routing()), diagnostics, graph.failedServices(), curated);
    }

    /** The AST visitor that renames, hides, describes and deprecates, remembering what it touched. */
    private final class Overlay extends NodeVisitorStub {
        final Set<String> matched = new HashSet<>();
        final Map<String, String> typeRenames = new HashMap<>();
        final Map<String, String> fieldRenames = new HashMap<>();
        final Set<String> hidden = new HashSet<>();
        /** The coordinates of fields a rename rule really renamed: only those need their original property remembered. */
        final Set<String> renamedFields = new HashSet<>();

        private final Set<String> hiddenWithThrough = new HashSet<>();

        Overlay(Routing routing) {
            for (CurationRule rule : rules) {
                switch (rule) {
                    case CurationRule.RenameType r -> typeRenames.put(r.type(), r.newName());
                    case CurationRule.RenameField r -> fieldRenames.put(r.coordinate(), r.newName());
                    case CurationRule.Hide r -> hidden.add(r.coordinate());
                    default -> {
                    }
                }
            }
            // A through relation that walks a hidden relation cannot be resolved any more: it goes too.
            for (FieldRoute route : routing.fields()) {
                if (route.link() instanceof FieldRoute.Link.Through through && through.hops().stream().anyMatch(hidden::contains)) {
                    hiddenWithThrough.add(route.coordinate());
                }
            }
            hidden.addAll(hiddenWithThrough);
        }

        @Override
        protected TraversalControl visitNode(Node node, TraverserContext<Node> context) {
            if (node instanceof graphql.language.TypeDefinition<?> type) {
                return visitType(type, context);
            }
            return TraversalControl.CONTINUE;
        }

        @Override
        public TraversalControl visitTypeName(TypeName node, TraverserContext<Node> context) {
            String renamed = typeRenames.get(node.getName());
            if (renamed != null) {
                TreeTransformerUtil.changeNode(context, node.transform(b -> b.name(renamed)));
            }
            return TraversalControl.CONTINUE;
        }

        private TraversalControl visitType(graphql.language.TypeDefinition<?> type, TraverserContext<Node> context) {
            String name = type.getName();
            Node<?> changed = type;
            for (CurationRule rule : rules) {
                if (rule instanceof CurationRule.RenameType r && r.type().equals(name)) {
                    changed = rename(changed, r.newName());
                    matched.add(r.id());
                } else if (rule instanceof CurationRule.Describe d && d.coordinate().equals(name)) {
                    changed = describe(changed, d.description());
                    matched.add(d.id());
                }
            }
            if (changed != type) {
                TreeTransformerUtil.changeNode(context, changed);
            }
            return TraversalControl.CONTINUE;
        }

        @Override
        public TraversalControl visitFieldDefinition(FieldDefinition node, TraverserContext<Node> context) {
            String coordinate = parentName(context) + "." + node.getName();
            FieldDefinition changed = node;
            for (CurationRule rule : rules) {
                if (hiddenWithThrough.contains(coordinate)) {
                    return TreeTransformerUtil.deleteNode(context);
                }
                switch (rule) {
                    case CurationRule.Hide h when h.coordinate().equals(coordinate) -> {
                        matched.add(h.id());
                        return TreeTransformerUtil.deleteNode(context);
                    }
                    case CurationRule.RenameField r when r.coordinate().equals(coordinate) -> {
                        changed = changed.transform(b -> b.name(r.newName()));
                        matched.add(r.id());
                        renamedFields.add(r.coordinate());
                    }
                    case CurationRule.Describe d when d.coordinate().equals(coordinate) -> {
                        changed = changed.transform(b -> b.description(new Description(d.description(), null, false)));
                        matched.add(d.id());
                    }
                    case CurationRule.Deprecate d when d.coordinate().equals(coordinate) -> {
                        List<Directive> directives = new ArrayList<>(changed.getDirectives().stream()
                                .filter(x -> !x.getName().equals("deprecated")).toList());
                        directives.add(Directive.newDirective().name("deprecated")
                                .arguments(List.of(Argument.newArgument("reason", StringValue.of(d.reason())).build())).build());
                        changed = changed.transform(b -> b.directives(directives));
                        matched.add(d.id());
                    }
                    default -> {
                    }
                }
            }
            if (changed != node) {
                TreeTransformerUtil.changeNode(context, changed);
            }
            return TraversalControl.CONTINUE;
        }

        private String parentName(TraverserContext<Node> context) {
            Node<?> parent = context.getParentNode();
            return parent instanceof NamedNode<?> named ? named.getName() : "";
        }

        private Node<?> rename(Node<?> type, String newName) {
            return switch (type) {
                case graphql.language.ObjectTypeDefinition t -> t.transform(b -> b.name(newName));
                case graphql.language.InputObjectTypeDefinition t -> t.transform(b -> b.name(newName));
                case graphql.language.EnumTypeDefinition t -> t.transform(b -> b.name(newName));
                case graphql.language.InterfaceTypeDefinition t -> t.transform(b -> b.name(newName));
                case graphql.language.UnionTypeDefinition t -> t.transform(b -> b.name(newName));
                case graphql.language.ScalarTypeDefinition t -> t.transform(b -> b.name(newName));
                default -> type;
            };
        }

        private Node<?> describe(Node<?> type, String text) {
            Description description = new Description(text, null, false);
            return switch (type) {
                case graphql.language.ObjectTypeDefinition t -> t.transform(b -> b.description(description));
                case graphql.language.InputObjectTypeDefinition t -> t.transform(b -> b.description(description));
                case graphql.language.EnumTypeDefinition t -> t.transform(b -> b.description(description));
                case graphql.language.InterfaceTypeDefinition t -> t.transform(b -> b.description(description));
                case graphql.language.UnionTypeDefinition t -> t.transform(b -> b.description(description));
                case graphql.language.ScalarTypeDefinition t -> t.transform(b -> b.description(description));
                default -> type;
            };
        }

        /** The routing after the overlay: renamed parents and fields, hidden routes gone, renamed properties remembered. */
        Routing reroute(Routing routing) {
            List<FieldRoute> routes = new ArrayList<>();
            Set<String> routed = new HashSet<>();
            for (FieldRoute route : routing.fields()) {
                routed.add(route.coordinate());
                if (hidden.contains(route.coordinate())) {
                    continue;
                }
                FieldRoute.Link link = route.link() instanceof FieldRoute.Link.Through through
                        ? new FieldRoute.Link.Through(through.hops().stream().map(this::coordinate).toList())
                        : route.link();
                String[] renamed = coordinate(route.coordinate()).split("\\.", 2);
                routes.add(new FieldRoute(renamed[0], renamed[1], route.service(), route.resource(), route.keyField(),
                        route.operation(), route.shape(), link));
            }
            Map<String, String> properties = new HashMap<>();
            routing.properties().forEach((coordinate, property) -> properties.put(coordinate(coordinate), property));
            fieldRenames.forEach((coordinate, newName) -> {
                if (!routed.contains(coordinate) && renamedFields.contains(coordinate)) {
                    properties.put(coordinate(coordinate), coordinate.substring(coordinate.indexOf('.') + 1));
                }
            });
            routes.sort(Comparator.comparing(FieldRoute::coordinate));
            return new Routing(routing.services(), routes, properties);
        }

        private String coordinate(String coordinate) {
            String type = coordinate.substring(0, coordinate.indexOf('.'));
            String field = Optional.ofNullable(fieldRenames.get(coordinate)).orElse(coordinate.substring(coordinate.indexOf('.') + 1));
            return typeRenames.getOrDefault(type, type) + "." + field;
        }
    }
}
