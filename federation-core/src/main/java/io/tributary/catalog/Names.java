package io.tributary.catalog;

import java.util.regex.Pattern;

final class Names {
    private Names() {
    }

    static void require(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidCatalogException(what + " must match " + pattern + ", was '" + value + "'");
        }
    }
}
