package io.tributary.compose;

import io.tributary.catalog.Resource;

/** The naming rules of the design guide: singular and plural query fields named after the object, never RESTful verbs. */
final class Naming {
    private Naming() {
    }

    /** {@code Course} → {@code course}. */
    static String singular(Resource resource) {
        String model = resource.modelName();
        return Character.toLowerCase(model.charAt(0)) + model.substring(1);
    }

    /** The resource name, already plural by Naptime convention: {@code courses}. */
    static String plural(Resource resource) {
        return resource.name();
    }
}
