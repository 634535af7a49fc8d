package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.ServiceCatalog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenApiSidecarTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final OpenApiSidecar.Settings settings = OpenApiSidecar.Settings.of(PartnersDocument.location(), "partners",
            "http://partners:8080", "localhost:9092").withInstanceId("sidecar-1");
    private final OpenApiMapping mapping = OpenApiCatalogReader.read(PartnersDocument.location());

    @Test
    void shouldPublishTheDocumentsVersionUnlessTold() {
        ServiceCatalog catalog = OpenApiSidecar.catalog(mapping, settings, NOW);

        assertThat(catalog.instanceKey()).isEqualTo("partners/sidecar-1");
        assertThat(catalog.serviceVersion()).isEqualTo("1.0.0");
        assertThat(catalog.baseUrl()).isEqualTo("http://partners:8080");
        assertThat(catalog.leaseMillis()).isEqualTo(30_000);
        assertThat(catalog.publishedAt()).isEqualTo(NOW);
        assertThat(catalog.resources()).isEqualTo(mapping.resources());
        assertThat(OpenApiSidecar.catalog(mapping, settings.withServiceVersion("1.0.1-rc2"), NOW).serviceVersion()).isEqualTo("1.0.1-rc2");
    }

    @Test
    void shouldRefuseADocumentThatMapsToNothing() {
        OpenApiMapping nothing = Documents.map30("""
                paths:
                  /health:
                    head:
                      responses: {'200': {description: up}}
                """);

        assertThatThrownBy(() -> OpenApiSidecar.catalog(nothing, settings, NOW))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageContaining("openapi.yaml: maps to no resource and no operation field, so there is nothing to publish.")
                .hasMessageContaining("HEAD /health: HEAD has no operation kind in the catalog");
    }

    @Test
    void shouldRefuseAServiceNameTheCatalogDoesNotAccept() {
        assertThatThrownBy(() -> OpenApiSidecar.catalog(mapping, OpenApiSidecar.Settings.of("x.yaml", "Partners", "http://p:1", "k:9092"), NOW))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("service name must match");
    }

    @Test
    void shouldRefuseAHeartbeatIntervalThatIsNotShorterThanTheLease() {
        assertThatThrownBy(() -> settings.withLease(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the heartbeat interval (PT10S) must be shorter than the lease (PT5S), or the lease runs out between heartbeats");
    }

    @Test
    void shouldTakeALeaseShorterThanTheDefaultHeartbeatIntervalTogetherWithItsInterval() {
        assertThat(settings.withLease(Duration.ofSeconds(5), Duration.ofSeconds(1)).lease()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> OpenApiSidecar.Settings.of("x.yaml", "partners", "partners:8080", "k:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the base URL must be an http(s) URL with a host, such as http://partners:8080, was 'partners:8080'");
    }
}
