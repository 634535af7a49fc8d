package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml cannot run here (no Docker engine), so its agreement with the modules is checked by reading it. */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> EXAMPLES = List.of("courses", "instructors", "enrollments", "partners");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void shouldRunKafkaTheAggregatorTwoGatewaysAndEveryExample() {
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "topics", "aggregator", "gateway-1", "gateway-2",
                "courses", "instructors", "enrollments", "partners");
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void shouldBuildEveryTributaryServiceFromTheDockerfileOfThisBuild() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY cli/target/tributary.jar", "COPY cli/target/lib/", "FROM eclipse-temurin:25");
        services.forEach((name, service) -> {
            if (!name.equals("kafka")) {
                assertThat(service).as(name).containsEntry("image", "tributary:latest").containsEntry("build", ".");
            }
        });
    }

    @Test
    void shouldGiveEveryServiceACommandTheCliAccepts() {
        services.forEach((name, service) -> {
            if (!name.equals("kafka")) {
                List<String> command = command(service);
                assertThat(command).as(name).contains("--bootstrap", "kafka:9092");
                TributaryCommand.commandLine().parseArgs(command.toArray(String[]::new));
            }
        });
    }

    @Test
    void shouldPublishBaseUrlsTheGatewaysMayCall() {
        for (String example : EXAMPLES) {
            Map<String, Object> service = services.get(example);
            List<String> command = command(service);
            String port = command.get(command.indexOf("--port") + 1);
            assertThat(environment(service)).as(example).containsEntry("TRIBUTARY_PUBLISHER_BASE_URL", "http://" + example + ":" + port);
        }
        for (String gateway : List.of("gateway-1", "gateway-2")) {
            assertThat(command(services.get(gateway)))
                    .contains("tributary.gateway.downstream.allowed-hosts=" + String.join(",", EXAMPLES));
        }
    }

    @Test
    void shouldExposeEachHostPortOnce() {
        List<String> hostPorts = new ArrayList<>();
        services.values().forEach(service -> ports(service).forEach(p -> hostPorts.add(p.substring(0, p.indexOf(':')))));
        assertThat(hostPorts).doesNotHaveDuplicates().contains("8080", "8081", "8090");
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(Map<String, Object> service) {
        return ((List<Object>) service.get("command")).stream().map(Object::toString).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(Object::toString).toList();
    }
}
