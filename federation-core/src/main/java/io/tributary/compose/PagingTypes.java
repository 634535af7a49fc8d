package io.tributary.compose;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeReference;
import java.util.List;

/**
 * The types and arguments of pageable lists: Relay connections ({@code CourseConnection}, {@code CourseEdge},
 * {@code PageInfo}) and Udemy's offset pages ({@code CoursesPaged} implementing {@code Paginated}).
 */
final class PagingTypes {
    static final String PAGE_INFO = "PageInfo";
    static final String PAGINATED = "Paginated";

    private final TypeRegistry registry;

    PagingTypes(TypeRegistry registry) {
        this.registry = registry;
    }

    static List<GraphQLArgument> connectionArguments() {
        return List.of(
                argument("first", GraphQLInt, "Returns the first n elements."),
                argument("after", GraphQLString, "Returns the elements after this cursor."),
                argument("last", GraphQLInt, "Returns the last n elements."),
                argument("before", GraphQLString, "Returns the elements before this cursor."));
    }

    static List<GraphQLArgument> pagedArguments() {
        return List.of(
                GraphQLArgument.newArgument().name("page").type(GraphQLInt).defaultValueProgrammatic(0)
                        .description("The page to return, 0 based.").build(),
                GraphQLArgument.newArgument().name("pageSize").type(GraphQLInt).defaultValueProgrammatic(20)
                        .description("How many elements a page holds.").build());
    }

    /** {@code CourseConnection}, with its edge type and the shared {@code PageInfo}. */
    String connection(String elementType) {
        pageInfo();
        String edge = elementType + "Edge";
        claim(GraphQLObjectType.newObject().name(edge).description("An edge of a " + elementType + " connection.")
                .field(field("node", GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(elementType)), "The element."))
                .field(field("cursor", GraphQLNonNull.nonNull(GraphQLString), "Where this element sits, for after and before."))
                .build(), "edge:" + elementType);
        String connection = elementType + "Connection";
        claim(GraphQLObjectType.newObject().name(connection).description("A page of " + elementType + " elements, Relay style.")
                .field(field("edges", list(GraphQLTypeReference.typeRef(edge)), "The elements of this page with their cursors."))
                .field(field("nodes", list(GraphQLTypeReference.typeRef(elementType)), "The elements of this page."))
                .field(field("pageInfo", GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(PAGE_INFO)), "Where this page sits."))
                .field(field("totalCount", GraphQLInt, "How many elements there are in all, when the service says."))
                .build(), "connection:" + elementType);
        return connection;
    }

    /** {@code CoursesPaged}: one offset page, implementing {@code Paginated}. */
    String paged(String pluralName, String elementType) {
        paginated();
        String name = pluralName + "Paged";
        claim(GraphQLObjectType.newObject().name(name).description("A page of " + elementType + " elements.")
                .withInterface(GraphQLTypeReference.typeRef(PAGINATED))
                .field(field("items", list(GraphQLTypeReference.typeRef(elementType)), "The elements of this page."))
                .field(field("page", GraphQLNonNull.nonNull(GraphQLInt), "The current page number, 0 based."))
                .field(field("pageCount", GraphQLNonNull.nonNull(GraphQLInt), "The total amount of pages."))
                .field(field("totalCount", GraphQLInt, "How many elements there are in all, when the service says."))
                .build(), "paged:" + elementType);
        return name;
    }

    private void pageInfo() {
        claim(GraphQLObjectType.newObject().name(PAGE_INFO).description("Where a page of a connection sits.")
                .field(field("hasNextPage", GraphQLNonNull.nonNull(GraphQLBoolean), "Whether elements follow this page."))
                .field(field("hasPreviousPage", GraphQLNonNull.nonNull(GraphQLBoolean), "Whether elements precede this page."))
                .field(field("startCursor", GraphQLString, "The cursor of the first element of the page."))
                .field(field("endCursor", GraphQLString, "The cursor of the last element of the page."))
                .build(), PAGE_INFO);
    }

    private void paginated() {
        claim(GraphQLInterfaceType.newInterface().name(PAGINATED).description("A paginated result.")
                .field(field("pageCount", GraphQLNonNull.nonNull(GraphQLInt), "The total amount of pages. Calculated as (total result count / page size)."))
                .field(field("page", GraphQLNonNull.nonNull(GraphQLInt), "The current page number, 0 based."))
                .build(), PAGINATED);
    }

    /** Registers a generated type; a model that took its name first keeps it, and the resource that needs it is left out. */
    private void claim(graphql.schema.GraphQLNamedType type, Object definition) {
        registry.claim(type, definition, TypeRegistry.GENERATED).ifPresent(other -> {
            throw new TypeConflictException(type.getName(), other);
        });
    }

    private static GraphQLNonNull list(graphql.schema.GraphQLOutputType element) {
        return GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(element)));
    }

    private static GraphQLFieldDefinition field(String name, graphql.schema.GraphQLOutputType type, String description) {
        return GraphQLFieldDefinition.newFieldDefinition().name(name).type(type).description(description).build();
    }

    private static GraphQLArgument argument(String name, graphql.schema.GraphQLInputType type, String description) {
        return GraphQLArgument.newArgument().name(name).type(type).description(description).build();
    }
}
