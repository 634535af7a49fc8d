package io.tributary.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary dev}: runs everything in this process until interrupted, and says where to look. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, the aggregator, a gateway and the example services in one process.")
final class DevCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Gateway HTTP port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--courses-port", defaultValue = "8081", description = "Port of the courses example (default: ${DEFAULT-VALUE}).")
    int coursesPort;

    @Option(names = "--aggregator-port", defaultValue = "8090", description = "Port of the aggregator's HTTP API (default: ${DEFAULT-VALUE}).")
    int aggregatorPort;

    @Override
    public Integer call() throws InterruptedException {
        DevSystem system = DevSystem.start(new DevSystem.Ports(kafkaPort, gatewayPort, aggregatorPort, coursesPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }, "tributary-dev-shutdown"));
        String graphql = system.gateway().uri().resolve("/graphql").toString();
        String bootstrap = system.kafka().bootstrapServers();
        StringBuilder services = new StringBuilder();
        system.examples().forEach((example, app) -> services.append(String.format("  %-18s %s%n", example + ":", app.uri())));
        System.out.printf("""

                Tributary is running.
                  GraphiQL:          %s
                  Console:           %s
                  GraphQL endpoint:  %s
                  Kafka bootstrap:   %s
                  Aggregator API:    %s/views/current
                Example services:
                %s
                Try it:
                  curl -s %s -H 'Content-Type: application/json' \\
                       -d '{"query": "{ course(id: \\"c-1\\") { id title durationMinutes } }"}'

                Roll courses back by hand, from a second shell:
                  ./tributary example courses --variant v1 --bootstrap %s --port 8082

                Press Ctrl-C to stop.
                %n""", system.gateway().uri().resolve("/graphiql"), system.aggregatorApi().consoleUri(), graphql, bootstrap, system.aggregatorApi().uri(), services,
                graphql, bootstrap);
        stopped.await();
        return 0;
    }
}
