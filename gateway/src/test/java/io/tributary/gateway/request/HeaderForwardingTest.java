package io.tributary.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's own headers reach that service alone; the gateway-wide ones reach every service. */
class HeaderForwardingTest {
    private final HeaderForwarding forwarding = new HeaderForwarding(List.of("Authorization", "traceparent"),
            Map.of("crm", List.of("X-Api-Key", "x-tenant-id"), "billing", List.of("x-tenant-id", "authorization")));
    private final Map<String, String> forwarded = Map.of("authorization", "Bearer t", "traceparent", "00-1", "x-api-key", "k-1",
            "X-Tenant-Id", "acme");

    @Test
    void shouldPickEveryHeaderSomeServiceGetsOnceWhateverItsSpelling() {
        assertThat(forwarding.names()).containsExactly("Authorization", "traceparent", "x-tenant-id", "X-Api-Key");
    }

    @Test
    void shouldSendAServicesOwnHeadersToItAlone() {
        assertThat(forwarding.to("crm", forwarded)).isEqualTo(forwarded);
        assertThat(forwarding.to("billing", forwarded)).containsOnlyKeys("authorization", "traceparent", "X-Tenant-Id");
        assertThat(forwarding.to("courses", forwarded)).containsOnlyKeys("authorization", "traceparent");
    }

    @Test
    void shouldSendEverythingEverywhereWhenNoServiceNamesHeaders() {
        assertThat(HeaderForwarding.EVERYWHERE.to("courses", forwarded)).isEqualTo(forwarded);
    }
}
