package io.tributary.publisher.micronaut.catalog;

import io.micronaut.context.BeanContext;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.tributary.publisher.annotation.TributaryResource;

/**
 * True in an application context with at least one active {@link TributaryResource} controller, so contexts that
 * publish no annotated resources (the gateway, a service with a hand-written catalog) get no derived catalog.
 */
public final class AnnotatedControllersPresent implements Condition {
    @Override
    @SuppressWarnings("rawtypes") // Micronaut's Condition declares the raw type
    public boolean matches(ConditionContext context) {
        BeanContext beans = context.getBeanContext();
        return beans.getBeanDefinitionReferences().stream()
                .filter(reference -> reference.hasStereotype(TributaryResource.class))
                .anyMatch(reference -> reference.isEnabled(beans));
    }
}
