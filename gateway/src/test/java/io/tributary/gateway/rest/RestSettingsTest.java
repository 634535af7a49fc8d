package io.tributary.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestSettingsTest {

    @Test
    void shouldAllowOnlyThisMachineByDefault() {
        RestSettings settings = RestSettings.defaults();

        assertThat(settings.allowsHost("localhost")).isTrue();
        assertThat(settings.allowsHost("127.0.0.1")).isTrue();
        assertThat(settings.allowsHost("[::1]")).isTrue();
        assertThat(settings.allowsHost("LOCALHOST")).isTrue();
        assertThat(settings.allowsHost("10.0.0.1")).isFalse();
        assertThat(settings.allowsHost("localhost.attacker.example")).isFalse();
        assertThat(settings.allowsHost(null)).isFalse();
    }

    @Test
    void shouldAllowAnySubdomainOfASuffixPatternButNotTheSuffixAlone() {
        RestSettings settings = RestSettings.defaults().withAllowedHosts(List.of("*.svc.cluster.local", " Courses.Internal "));

        assertThat(settings.allowsHost("courses.prod.svc.cluster.local")).isTrue();
        assertThat(settings.allowsHost("svc.cluster.local")).isFalse();
        assertThat(settings.allowsHost("evilsvc.cluster.local")).isFalse();
        assertThat(settings.allowsHost("courses.internal")).isTrue();
        assertThat(settings.allowsHost("localhost")).isFalse();
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
    }
}
