package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The heap limit each role runs with, read back from a real JVM started with the flags the launcher and the image
 * use: without one a gateway took a quarter of the machine's memory and grew past 800 MB of RSS under load.
 */
class JvmOptionsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"gateway, 268435456", "aggregator, 805306368", "example, 134217728", "status, 536870912", "kafka, 536870912", "replay, 536870912"})
    void shouldCapTheHeapOfEveryRole(String role, long maxHeapBytes) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(run(ROOT.resolve("bin/jvm-options").toString(), role).trim().split("\\s+")));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        assertThat(run(command.toArray(String[]::new))).containsPattern("MaxHeapSize\\s+=\\s+" + maxHeapBytes + "\\b");
    }

    @ParameterizedTest
    @CsvSource({"replay, 4", "status, 1", "check, 1", "example, 1"})
    void shouldCompileLongReplaysFullyAndKeepShortCommandsOnTheQuickCompiler(String role, int tieredStopAtLevel) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(run(ROOT.resolve("bin/jvm-options").toString(), role).trim().split("\\s+")));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        assertThat(run(command.toArray(String[]::new))).containsPattern("TieredStopAtLevel\\s+=\\s+" + tieredStopAtLevel + "\\b");
    }

    @Test
    void shouldUseTheSameFlagsInTheLauncherAndTheImage() throws IOException {
        assertThat(Files.readString(ROOT.resolve("tributary"))).contains("bin/jvm-options", "TRIBUTARY_JAVA_OPTS");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("COPY bin/jvm-options", "/opt/tributary/bin/jvm-options",
                "$TRIBUTARY_JAVA_OPTS");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
