package io.tributary.gateway.schema;

import graphql.GraphQL;
import io.tributary.view.SchemaView;
import java.time.Instant;

/** A view made executable: the graphql-java engine for its schema, and when this gateway applied it. */
public record ExecutableGraph(SchemaView view, GraphQL graphQL, Instant appliedAt) {
}
