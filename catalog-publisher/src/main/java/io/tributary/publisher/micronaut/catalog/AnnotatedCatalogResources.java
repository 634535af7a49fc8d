package io.tributary.publisher.micronaut.catalog;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.tributary.catalog.Resource;
import io.tributary.publisher.annotation.TributaryResource;
import io.tributary.publisher.micronaut.CatalogResources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of a Micronaut service whose controllers carry {@link TributaryResource}: derived from their
 * compile-time metadata when the application context starts, so a mistake in the annotations stops the start with a
 * {@link CatalogDeclarationException} naming the controller and method, before anything is published.
 */
@Context
@Requires(condition = AnnotatedControllersPresent.class)
public class AnnotatedCatalogResources implements CatalogResources {
    private final List<Resource> resources;

    public AnnotatedCatalogResources(BeanContext context) {
        this.resources = derive(context.getBeanDefinitions(Qualifiers.byStereotype(TributaryResource.class)),
                SerializationSettings.of(context));
    }

    /** The resources of these controllers, whose models the service writes with these settings, by qualified name. */
    static List<Resource> derive(Collection<BeanDefinition<?>> controllers, SerializationSettings settings) {
        Map<String, String> owners = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        List<BeanDefinition<?>> byName = controllers.stream()
                .sorted(Comparator.comparing((BeanDefinition<?> c) -> c.getBeanType().getName()))
                .toList();
        for (BeanDefinition<?> controller : byName) {
            Resource resource = ResourceDerivation.derive(controller, settings);
            String name = controller.getBeanType().getSimpleName();
            String owner = owners.putIfAbsent(resource.qualifiedName(), name);
            if (owner != null) {
                throw new CatalogDeclarationException(name + ": declares " + resource.qualifiedName() + ", which "
                        + owner + " declares too");
            }
            resources.add(resource);
        }
        resources.sort(Comparator.comparing(Resource::qualifiedName));
        return List.copyOf(resources);
    }

    @Override
    public List<Resource> resources() {
        return resources;
    }
}
