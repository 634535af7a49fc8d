package io.tributary.gateway.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTargetTest {
    private static final RestSettings LOCAL = RestSettings.defaults();

    @Test
    void shouldCallTheInstancesInTurnAtTheirBasePathFollowedByTheTarget() {
        ServiceTarget target = ServiceTarget.of("courses", List.of("http://127.0.0.1:8080/api/", "http://localhost:9090"), LOCAL);

        RestCall first = target.call(get("/courses/c-1?fields=id%2Ctitle"));
        RestCall second = target.call(get("/courses/c-2"));

        assertThat(first.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/api/courses/c-1?fields=id%2Ctitle"));
        assertThat(first.origin().pathPrefix()).isEqualTo("/api");
        assertThat(first.origin().authority()).isEqualTo("127.0.0.1:8080");
        assertThat(second.uri()).isEqualTo(URI.create("http://localhost:9090/courses/c-2"));
        assertThat(second.origin().port()).isEqualTo(9090);
    }

    @Test
    void shouldRefuseATargetThatCouldSplitTheRequestLineOrIsNoPath() {
        ServiceTarget target = ServiceTarget.of("courses", List.of("http://127.0.0.1:8080"), LOCAL);

        assertThatThrownBy(() -> target.call(get("/courses/c-1 HTTP/1.1\r\nHost: elsewhere\r\n\r\nGET /admin")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target.call(get("/courses/é"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target.call(get("/courses#c-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target.call(get("courses"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static RestRequest get(String target) {
        return new RestRequest("GET", target, Map.of(), null, null, "/courses/{id}");
    }
}
