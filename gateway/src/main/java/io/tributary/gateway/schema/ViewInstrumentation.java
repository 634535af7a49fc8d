package io.tributary.gateway.schema;

import graphql.execution.instrumentation.Instrumentation;
import io.tributary.gateway.rest.plan.DownstreamCalls;
import io.tributary.view.SchemaView;

/**
 * Instrumentation that depends on the view it executes (its routing's scopes, for instance), built with each graph;
 * {@code calls} are the view's downstream calls, planned once per graph with its fetchers.
 */
@FunctionalInterface
public interface ViewInstrumentation {
    Instrumentation forView(SchemaView view, DownstreamCalls calls);
}
