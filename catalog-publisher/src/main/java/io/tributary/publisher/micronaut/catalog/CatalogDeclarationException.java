package io.tributary.publisher.micronaut.catalog;

import io.tributary.catalog.InvalidCatalogException;

/**
 * A mistake in a controller's catalog annotations, found when the application starts; the message begins with the
 * controller class and method at fault, {@code CoursesController.byInstructorId: ...}.
 */
public class CatalogDeclarationException extends InvalidCatalogException {
    public CatalogDeclarationException(String message) {
        super(message);
    }
}
