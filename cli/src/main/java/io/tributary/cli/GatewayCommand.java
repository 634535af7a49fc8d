package io.tributary.cli;

import io.tributary.avro.Topics;
import io.tributary.gateway.Gateway;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary gateway}: runs one gateway as its own process, serving the graph it reads from Kafka. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run a gateway: follow the schema topic and answer GraphQL over HTTP by calling the services.")
final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
    String bootstrap;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "Prefix of Tributary's topics (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--graph", defaultValue = "default", description = "The graph to serve (default: ${DEFAULT-VALUE}).")
    String graph;

    @Option(names = "--gateway-id", description = "This gateway's id on the gateway-status topic (default: random).")
    String gatewayId;

    @Option(names = "--cache-dir", description = "Where the last good view is cached (default: a folder in the temp directory).")
    String cacheDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any tributary.gateway.* or Micronaut property, such as tributary.gateway.downstream.allowed-hosts=*.internal; repeatable.")
    Map<String, String> properties = new HashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("tributary.gateway.graph", graph);
        if (gatewayId != null) {
            all.put("tributary.gateway.serving.gateway-id", gatewayId);
        }
        if (cacheDir != null) {
            all.put("tributary.gateway.serving.cache-dir", cacheDir);
        }
        Gateway gateway = Gateway.start(port, bootstrap, new Topics(topicPrefix), all);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "tributary-gateway-shutdown"));
        System.out.printf("Gateway serving graph %s from %s at %s%n", graph, bootstrap, gateway.uri().resolve("/graphql"));
        stopped.await();
        return 0;
    }
}
