package io.tributary.cli;

import io.tributary.avro.Topics;
import io.tributary.publisher.openapi.OpenApiSidecar;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tributary publish}: the sidecar that puts a service written in any language into the graph from its OpenAPI
 * document. It prints what it could not map, publishes, renews the lease until stopped, and retracts on SIGTERM.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a service's catalog from its OpenAPI 3.0 or 3.1 document, keep its lease alive, and retract it on Ctrl-C or SIGTERM.",
                "Operations the conventions cannot map are listed with the reason; x-tributary-* extensions in the document map them."})
final class PublishCommand implements Callable<Integer> {

    @Option(names = "--openapi", required = true, paramLabel = "FILE|URL", description = "The service's OpenAPI document: a file, or an http(s) URL.")
    String document;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service's name in the graph, such as partners.")
    String service;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "Where the gateway reaches the service, including any base path of the document's server, such as http://partners:8080.")
    String baseUrl;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--service-version", paramLabel = "V", description = "The deploy's version (default: the document's info.version).")
    String serviceVersion;

    @Option(names = "--instance-id", paramLabel = "ID", description = "This instance among the service's instances (default: random).")
    String instanceId;

    @Option(names = "--topic-prefix", paramLabel = "P", defaultValue = Topics.DEFAULT_PREFIX,
            description = "Prefix of Tributary's topics (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--heartbeat-interval", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to renew the lease: 500ms, 10s, 1m (default: ${DEFAULT-VALUE}).")
    Duration heartbeatInterval;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long the catalog stays live without a heartbeat (default: ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE", description = "A Kafka producer property (SASL, TLS, ...); repeatable.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Option(names = "--forwarded-header", paramLabel = "NAME", split = ",",
            description = "A header the client sends and the gateway forwards to this service (a tenant header): no argument, even where"
                    + " the document declares it a parameter; repeatable. The document's API keys in headers are such headers already.")
    List<String> forwardedHeaders = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        OpenApiSidecar sidecar;
        try {
            OpenApiSidecar.Settings settings = OpenApiSidecar.Settings.of(document, service, baseUrl, bootstrap)
                    .withTopics(new Topics(topicPrefix))
                    .withServiceVersion(serviceVersion)
                    .withLease(lease, heartbeatInterval)
                    .withKafkaProperties(Map.copyOf(kafkaProperties))
                    .withForwardedHeaders(forwardedHeaders);
            sidecar = OpenApiSidecar.start(instanceId == null ? settings : settings.withInstanceId(instanceId));
        } catch (IllegalArgumentException e) {
            // An unreadable document (InvalidOpenApiDocumentException), an invalid catalog or setting: say which, no trace.
            System.err.println("tributary publish: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sidecar.close();
            stopped.countDown();
        }, "tributary-publish-shutdown"));
        System.out.print(sidecar.mapping().report());
        System.out.printf("Publishing %s %s to %s (topics %s.*), reachable at %s. Ctrl-C or SIGTERM retracts it.%n",
                sidecar.catalog().instanceKey(), sidecar.catalog().serviceVersion(), bootstrap, topicPrefix, baseUrl);
        stopped.await();
        return 0;
    }

    /** Reads {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT10S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 10s, 1m or PT10S");
            }
        }
    }
}
