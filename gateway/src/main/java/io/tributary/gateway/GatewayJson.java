package io.tributary.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's one Jackson mapper, for the services' answers, the bodies it sends them and its own responses: one
 * configuration, and one cache of serializers warmed by every request.
 */
public final class GatewayJson {
    /** Thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private GatewayJson() {
    }
}
