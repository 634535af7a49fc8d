package io.tributary.gateway.view;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.util.UUID;

/** The {@code tributary.gateway.serving.*} configuration: who this gateway is, and where it keeps its last good view. */
@ConfigurationProperties("tributary.gateway.serving")
public class ServingProperties {
    private String gatewayId = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    private Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "tributary-gateway");

    /** Identifies this gateway on the gateway-status topic; set it to something stable (host, pod) in production. */
    public String getGatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /** Where the last good view is cached, so a restart while Kafka is down still serves. */
    public Path getCacheDir() {
        return cacheDir;
    }

    public void setCacheDir(Path cacheDir) {
        this.cacheDir = cacheDir;
    }
}
