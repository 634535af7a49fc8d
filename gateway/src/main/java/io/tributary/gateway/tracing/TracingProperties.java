package io.tributary.gateway.tracing;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The {@code tributary.gateway.tracing.*} configuration: whether the gateway traces at all (off by default), where it
 * sends its spans (an OTLP/HTTP endpoint), which share of new traces it keeps, and how often it exports.
 */
@ConfigurationProperties("tributary.gateway.tracing")
public class TracingProperties {
    private boolean enabled;
    private String endpoint = "http://localhost:4318/v1/traces";
    private double samplingRatio = 1.0;
    private String serviceName = "tributary-gateway";
    private Duration exportInterval = Duration.ofSeconds(5);

    /** Off by default: no span is made and requests pay only a check. */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The OTLP/HTTP traces endpoint of a collector, {@code http://localhost:4318/v1/traces} by default. */
    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The share of traces started here that are kept, 0 to 1 (1 by default); a request that arrives with a
     * {@code traceparent} follows its caller's sampling decision.
     */
    public double getSamplingRatio() {
        return samplingRatio;
    }

    public void setSamplingRatio(double samplingRatio) {
        if (samplingRatio < 0 || samplingRatio > 1) {
            throw new IllegalArgumentException("tributary.gateway.tracing.sampling-ratio is " + samplingRatio + "; it must be between 0 and 1");
        }
        this.samplingRatio = samplingRatio;
    }

    /** The {@code service.name} the spans carry. */
    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    /** How long finished spans wait to be exported in one batch, 5 s by default. */
    public Duration getExportInterval() {
        return exportInterval;
    }

    public void setExportInterval(Duration exportInterval) {
        this.exportInterval = exportInterval;
    }
}
