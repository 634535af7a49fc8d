package io.tributary.bench;

import io.tributary.avro.Topics;
import io.tributary.gateway.Gateway;
import java.io.IOException;
import java.util.Map;

/**
 * A gateway as its own process, as {@code tributary gateway} runs it, for benchmarks that measure its CPU time and
 * memory apart from the load generator and the services. Arguments: port, bootstrap servers, topic prefix, cache
 * directory. It stops when its standard input closes, so it never outlives the benchmark that started it.
 */
public final class GatewayProcess {
    private GatewayProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (Gateway gateway = Gateway.start(Integer.parseInt(args[0]), args[1], new Topics(args[2]),
                Map.of("tributary.gateway.serving.cache-dir", args[3]))) {
            System.out.println("Gateway serving at " + gateway.uri().resolve("/graphql"));
            while (System.in.read() >= 0) {
                // waits for the parent to close standard input
            }
        }
    }
}
