package io.tributary.gateway.rest.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.tributary.gateway.rest.client.DownstreamBeans;
import io.tributary.gateway.rest.client.DownstreamProperties;
import io.tributary.gateway.rest.client.RestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownstreamPropertiesTest {

    @Test
    void shouldGiveTheDefaultSettingsWhenNothingIsConfigured() {
        try (ApplicationContext context = context(Map.of())) {
            assertThat(settings(context, 0)).isEqualTo(RestSettings.defaults());
        }
    }

    @Test
    void shouldDenyTheAggregatorsAndTheGatewaysOwnPortOnThisMachineByDefault() {
        try (ApplicationContext context = context(Map.of())) {
            assertThat(settings(context, 8080).deniedHosts()).containsExactlyInAnyOrder("localhost:8090", "127.0.0.1:8090", "[::1]:8090",
                    "localhost:8080", "127.0.0.1:8080", "[::1]:8080");
        }
    }

    @Test
    void shouldReplaceTheDefaultDenyListWithTheConfiguredOne() {
        try (ApplicationContext context = context(Map.of("tributary.gateway.downstream.denied-hosts", "metadata.internal"))) {
            assertThat(settings(context, 8080).deniedHosts()).containsExactly("metadata.internal");
        }
    }

    @Test
    void shouldReadEveryKeyUnderTributaryGatewayDownstream() {
        try (ApplicationContext context = context(Map.of(
                "tributary.gateway.downstream.timeout", "3s",
                "tributary.gateway.downstream.service-timeouts.courses", "750ms",
                "tributary.gateway.downstream.service-timeouts.partner-directory", "2s",
                "tributary.gateway.downstream.max-concurrent-calls", "8",
                "tributary.gateway.downstream.concurrency-wait", "20ms",
                "tributary.gateway.downstream.batch-size", "25",
                "tributary.gateway.downstream.list-bound", "40",
                "tributary.gateway.downstream.allowed-hosts", "localhost,*.svc.cluster.local",
                "tributary.gateway.downstream.denied-hosts", "localhost:9000,*.admin.svc.cluster.local",
                "tributary.gateway.downstream.max-calls-per-request", "50"))) {
            RestSettings settings = settings(context, 8080);

            assertThat(settings).isEqualTo(new RestSettings(Duration.ofSeconds(3),
                    Map.of("courses", Duration.ofMillis(750), "partner-directory", Duration.ofSeconds(2)), 8, Duration.ofMillis(20),
                    25, 40, List.of("localhost", "*.svc.cluster.local"), List.of("localhost:9000", "*.admin.svc.cluster.local"), 50));
        }
    }

    /** The bean {@link DownstreamBeans} makes in the gateway's environment, from the bound properties and its HTTP port. */
    private static RestSettings settings(ApplicationContext context, int gatewayPort) {
        return new DownstreamBeans().restSettings(context.getBean(DownstreamProperties.class), gatewayPort);
    }

    /** A context with only configuration: the gateway's environment would start its Kafka consumers too. */
    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    }
}
