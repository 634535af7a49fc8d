package io.tributary.compose;

import io.tributary.catalog.Resource;

/** A resource that made it into the graph: who serves it, its GraphQL type name and its version suffix. */
record ComposedResource(String service, Resource resource, String modelType, String suffix) {
}
