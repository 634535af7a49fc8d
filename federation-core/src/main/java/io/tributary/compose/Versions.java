package io.tributary.compose;

import io.tributary.catalog.Resource;
import io.tributary.fold.EffectiveCatalog;
import java.util.HashMap;
import java.util.Map;

/**
 * Versions side by side: the newest version of a resource takes the plain names ({@code course}, {@code Course});
 * older ones are suffixed ({@code courseV1}, {@code CourseV1}) and deprecated in favour of the newest.
 */
final class Versions {
    private final Map<String, Resource> newest;

    private Versions(Map<String, Resource> newest) {
        this.newest = newest;
    }

    static Versions of(Iterable<EffectiveCatalog> catalogs) {
        Map<String, Resource> newest = new HashMap<>();
        for (EffectiveCatalog catalog : catalogs) {
            for (Resource resource : catalog.resources()) {
                newest.merge(resource.name(), resource, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return new Versions(newest);
    }

    String suffix(Resource resource) {
        return isNewest(resource) ? "" : "V" + resource.version();
    }

    /** The deprecation reason of an older version's fields, or the resource's own deprecation, or null. */
    String deprecation(Resource resource) {
        if (!isNewest(resource)) {
            Resource latest = newest.get(resource.name());
            return "Use " + Naming.singular(latest) + " (" + latest.qualifiedName() + ") instead.";
        }
        return resource.isDeprecated() ? resource.deprecationReason() : null;
    }

    private boolean isNewest(Resource resource) {
        return newest.get(resource.name()).version() == resource.version();
    }
}
