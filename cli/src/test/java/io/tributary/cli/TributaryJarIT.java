package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the packaged jar with its lib/ folder, in its own JVM. Catches what
 * the test classpath hides, such as a dependency missing from the jar's manifest.
 */
class TributaryJarIT {

    @Test
    void shouldStartEverythingFromTheRunnableJarAndStopOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process dev = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(),
                "-jar", Path.of("target", "tributary.jar").toString(),
                "dev", "--port", "0", "--kafka-port", "0", "--courses-port", "0", "--aggregator-port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        StringBuffer out = new StringBuffer();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(line -> out.append(line).append('\n'));
            } catch (java.io.IOException e) {
                out.append("(output closed: ").append(e.getMessage()).append(")\n");
            }
        });
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
            Matcher endpoint = Pattern.compile("GraphQL endpoint:\\s+(\\S+)").matcher(out);
            assertThat(endpoint.find()).as(out.toString()).isTrue();
            HttpRequest query = HttpRequest.newBuilder(URI.create(endpoint.group(1)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ course(id: \\\"c-1\\\") { id } partner(id: \\\"p-1\\\") { id } }\"}"))
                    .build();
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.send(query, HttpResponse.BodyHandlers.ofString()).body())
                    .isEqualTo("{\"data\":{\"course\":{\"id\":\"c-1\"},\"partner\":{\"id\":\"p-1\"}}}"));
            assertThat(List.of("GraphiQL:", "Console:", "Kafka bootstrap:", "Aggregator API:", "courses:", "partners:"))
                    .allSatisfy(line -> assertThat(out.toString()).contains(line));
            Matcher console = Pattern.compile("Console:\\s+(\\S+)").matcher(out);
            assertThat(console.find()).isTrue();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(console.group(1))).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("<title>Tributary console</title>");
        } finally {
            dev.destroy();
            assertThat(dev.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }
}
