package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a checked-in file under {@code src/test/resources/openapi/}. Run with
 * {@code -Dgolden.update=true} to rewrite the files after a deliberate change, then review the diff.
 */
final class Golden {
    static final Path DIRECTORY = Path.of("src/test/resources/openapi");

    private Golden() {
    }

    static void assertMatches(String actual, String file) {
        assertMatches(actual, DIRECTORY.resolve(file));
    }

    static void assertMatches(String actual, Path expected) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as("golden file %s (rewrite with -Dgolden.update=true)", expected)
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String document(String file) {
        return DIRECTORY.resolve(file).toString();
    }
}
