package io.tributary.gateway.schema;

import graphql.execution.instrumentation.Instrumentation;
import io.tributary.view.SchemaView;

/** Instrumentation that depends on the view it executes (its routing's scopes, for instance), built with each graph. */
@FunctionalInterface
public interface ViewInstrumentation {
    Instrumentation forView(SchemaView view);
}
