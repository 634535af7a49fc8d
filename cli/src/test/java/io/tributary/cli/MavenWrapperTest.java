package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's test command as the README promises it: './mvnw verify' needs no JAVA_HOME when a JDK 25 is under
 * /usr/lib/jvm, and replaces an older JAVA_HOME instead of stopping at the enforcer.
 */
class MavenWrapperTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldRunMavenOnAJdk25WithoutJavaHome() throws Exception {
        assertThat(mavenVersion(null)).containsPattern("Java version: (2[5-9]|[3-9][0-9])");
    }

    @Test
    void shouldReplaceAJavaHomeOlderThan25() throws Exception {
        Optional<Path> older = olderJdk();
        assumeTrue(older.isPresent(), "no JDK older than 25 under /usr/lib/jvm");

        assertThat(mavenVersion(older.get().toString()))
                .contains("is older than JDK 25; using")
                .containsPattern("Java version: (2[5-9]|[3-9][0-9])");
    }

    private static String mavenVersion(String javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-v").directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("MAVEN_ARGS");
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static Optional<Path> olderJdk() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(p -> Files.isExecutable(p.resolve("bin/javac")))
                    .filter(p -> p.getFileName().toString().matches(".*(-1[0-9]-|-1\\.[0-9]+|-2[0-4]-|openjdk-1[0-9]$).*"))
                    .findFirst();
        }
    }
}
