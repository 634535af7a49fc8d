package io.tributary.gateway.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.gateway.rest.client.RestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestSettingsTest {

    @Test
    void shouldAllowOnlyThisMachineByDefault() {
        RestSettings settings = RestSettings.defaults();

        assertThat(allows(settings, "http://localhost:8081")).isTrue();
        assertThat(allows(settings, "http://127.0.0.1:8081")).isTrue();
        assertThat(allows(settings, "http://[::1]:8081")).isTrue();
        assertThat(allows(settings, "http://LOCALHOST:8081")).isTrue();
        assertThat(allows(settings, "http://10.0.0.1")).isFalse();
        assertThat(allows(settings, "http://localhost.attacker.example")).isFalse();
        assertThat(allows(settings, "http:///courses")).isFalse();
        assertThat(allows(settings, "http://user@localhost:8081")).isFalse();
        assertThat(allows(settings, "file://localhost/etc/passwd")).isFalse();
    }

    @Test
    void shouldAllowAnySubdomainOfASuffixPatternButNotTheSuffixAlone() {
        RestSettings settings = RestSettings.defaults().withAllowedHosts(List.of("*.svc.cluster.local", " Courses.Internal "));

        assertThat(allows(settings, "http://courses.prod.svc.cluster.local")).isTrue();
        assertThat(allows(settings, "http://svc.cluster.local")).isFalse();
        assertThat(allows(settings, "http://evilsvc.cluster.local")).isFalse();
        assertThat(allows(settings, "https://courses.internal")).isTrue();
        assertThat(allows(settings, "http://localhost")).isFalse();
    }

    @Test
    void shouldDenyTheAggregatorsApiOnThisMachineByDefault() {
        RestSettings settings = RestSettings.defaults();

        assertThat(allows(settings, "http://localhost:8090")).isFalse();
        assertThat(allows(settings, "http://127.0.0.1:8090/views/current")).isFalse();
        assertThat(allows(settings, "http://[::1]:8090")).isFalse();
        assertThat(settings.refusal(URI.create("http://localhost:8090"))).contains("denied-hosts");
    }

    @Test
    void shouldLetADenyRuleWinOverTheAllowlistByHostOrByHostAndPort() {
        RestSettings settings = RestSettings.defaults().withAllowedHosts(List.of("*.svc.cluster.local", "localhost"))
                .withDeniedHosts(List.of("admin.svc.cluster.local", "*.internal.svc.cluster.local:8443", "localhost:80"));

        assertThat(allows(settings, "http://admin.svc.cluster.local:9000")).isFalse();
        assertThat(allows(settings, "https://db.internal.svc.cluster.local:8443")).isFalse();
        assertThat(allows(settings, "https://db.internal.svc.cluster.local:9443")).isTrue();
        assertThat(allows(settings, "http://localhost")).as("port 80 by the scheme").isFalse();
        assertThat(allows(settings, "http://localhost:8090")).as("the configured deny list replaces the default").isTrue();
    }

    @Test
    void shouldRefuseADenyRuleItCannotRead() {
        assertThatThrownBy(() -> RestSettings.defaults().withDeniedHosts(List.of("localhost:http"))).hasMessageContaining("localhost:http");
        assertThatThrownBy(() -> RestSettings.defaults().withDeniedHosts(List.of("::1"))).hasMessageContaining("brackets");
    }

    @Test
    void shouldGiveAServiceItsOwnTimeoutAndTheOthersTheDefault() {
        RestSettings settings = RestSettings.defaults().withTimeout(Duration.ofSeconds(3)).withServiceTimeout("search", Duration.ofMillis(800));

        assertThat(settings.timeoutFor("search")).isEqualTo(Duration.ofMillis(800));
        assertThat(settings.timeoutFor("courses")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> RestSettings.defaults().withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> RestSettings.defaults().withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> RestSettings.defaults().withConcurrency(0, Duration.ZERO)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> RestSettings.defaults().withListBound(-1)).hasMessageContaining("listBound");
        assertThatThrownBy(() -> RestSettings.defaults().withMaxCallsPerRequest(-1)).hasMessageContaining("maxCallsPerRequest");
    }

    private static boolean allows(RestSettings settings, String url) {
        return settings.refusal(URI.create(url)) == null;
    }
}
