package io.tributary.publisher.micronaut;

import io.tributary.catalog.Resource;
import java.util.List;

/** What a Micronaut service implements (as a bean) to say which resources it serves. */
public interface CatalogResources {
    List<Resource> resources();
}
