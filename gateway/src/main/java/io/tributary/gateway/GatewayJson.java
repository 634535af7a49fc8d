package io.tributary.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's one Jackson mapper, for the services' answers, the bodies it sends them and its own responses: one
 * configuration, and one cache of serializers warmed by every request. Its buffers are recycled through a pool shared
 * by all threads: Jackson's default keeps them per thread, and every request and downstream call runs on a virtual
 * thread of its own, so each would allocate them afresh.
 */
public final class GatewayJson {
    /** Thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    private GatewayJson() {
    }
}
