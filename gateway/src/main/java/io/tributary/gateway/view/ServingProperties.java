package io.tributary.gateway.view;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.gateway.schema.RecentOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The {@code tributary.gateway.serving.*} configuration: who this gateway is, where it keeps its last good view, how
 * often it reports its status, and how much a new view's warm-up may cost.
 */
@ConfigurationProperties("tributary.gateway.serving")
public class ServingProperties {
    private String gatewayId = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    private Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "tributary-gateway");
    private Duration statusInterval = Duration.ofSeconds(10);
    private Duration warmupBudget = GraphHolder.DEFAULT_WARMUP_BUDGET;
    private int recentOperations = 200;
    private int recentOperationMaxSize = RecentOperations.DEFAULT_MAX_DOCUMENT_BYTES;

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

    /** How often the gateway reports its status when nothing changes; {@code tributary drift} counts 3 missed reports as silence. */
    public Duration getStatusInterval() {
        return statusInterval;
    }

    public void setStatusInterval(Duration statusInterval) {
        this.statusInterval = statusInterval;
    }

    /** How long checking the recently used operations against a new view may take; the rest are skipped, and counted. */
    public Duration getWarmupBudget() {
        return warmupBudget;
    }

    public void setWarmupBudget(Duration warmupBudget) {
        this.warmupBudget = warmupBudget;
    }

    /** How many recently used operations are remembered to warm a new view with. */
    public int getRecentOperations() {
        return recentOperations;
    }

    public void setRecentOperations(int recentOperations) {
        this.recentOperations = recentOperations;
    }

    /** The largest operation document (UTF-8 bytes) remembered to warm a new view with; larger ones are not. */
    public int getRecentOperationMaxSize() {
        return recentOperationMaxSize;
    }

    public void setRecentOperationMaxSize(int recentOperationMaxSize) {
        this.recentOperationMaxSize = recentOperationMaxSize;
    }
}
