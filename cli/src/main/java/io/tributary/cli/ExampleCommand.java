package io.tributary.cli;

import io.tributary.avro.Topics;
import io.tributary.examples.ExampleService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tributary example}: runs one example service instance as its own process, against any broker. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run one example service instance; it publishes its catalog and retracts it on Ctrl-C.")
final class ExampleCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Which example: ${COMPLETION-CANDIDATES}.")
    Examples example;

    @Option(names = "--variant", defaultValue = "v2", description = "Deploy of courses to run: v1 or v2 (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
    String bootstrap;

    @Option(names = "--port", defaultValue = "0", description = "HTTP port (default: any free port).")
    int port;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "Prefix of Tributary's topics (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--base-url", defaultValue = "${env:TRIBUTARY_PUBLISHER_BASE_URL}",
            description = "Where the gateway reaches this instance, when not its own URL (behind a proxy, in a container).")
    String baseUrl;

    @Override
    public Integer call() throws InterruptedException {
        ExampleService app = example.start(variant, port, bootstrap, new Topics(topicPrefix), baseUrl);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "tributary-example-shutdown"));
        System.out.printf("%s%s is serving at %s and publishes its catalog to %s. Ctrl-C retracts it.%n",
                example, example == Examples.courses ? " " + variant : "", app.uri(), bootstrap);
        stopped.await();
        return 0;
    }
}
