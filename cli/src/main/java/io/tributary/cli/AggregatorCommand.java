package io.tributary.cli;

import io.tributary.aggregator.AggregatorHttpApi;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.Topics;
import io.tributary.compose.CompositionSettings;
import io.tributary.diagnostic.Diagnostic.Severity;
import io.tributary.lint.LintRule;
import io.tributary.lint.LintSettings;
import io.tributary.text.Printable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary aggregator}: runs the schema aggregator as its own process, with its HTTP API. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = "Run the schema aggregator: fold catalog events and curation rules into schema views.")
final class AggregatorCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
    String bootstrap;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "Prefix of Tributary's topics (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--graph", defaultValue = "default", description = "Name of the graph, the key of its views (default: ${DEFAULT-VALUE}).")
    String graph;

    @Option(names = "--application-id", defaultValue = "tributary-aggregator", description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", description = "Where Kafka Streams keeps its state; a replacement started with the same folder on the same host"
            + " takes over at once (default: ~/.tributary/aggregator-state).")
    Path stateDir;

    @Option(names = "--http-port", defaultValue = "8090", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--pagination", defaultValue = "both", description = "Pageable lists as relay, offset or both (default: ${DEFAULT-VALUE}).")
    CompositionSettings.PaginationMode pagination;

    @Option(names = "--lint", paramLabel = "RULE=LEVEL",
            description = "A lint rule's level, info|warning|error|off; repeatable. Rules: ${COMPLETION-CANDIDATES}.")
    Map<LintRule, LintLevel> lint = new EnumMap<>(LintRule.class);

    @Option(names = "--lint-errors-block", description = "Keep a changed graph from becoming a view while lint reports errors.")
    boolean lintErrorsBlock;

    @Option(names = "--standby-replicas", defaultValue = "0", description = "Warm state copies on other aggregator instances (default: ${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--kafka", description = "Any Kafka client property, KEY=VALUE (SASL, TLS); repeatable.")
    Map<String, String> kafka = new HashMap<>();

    @Option(names = "--create-topics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create Tributary's missing topics at start, waiting for Kafka if it is not up yet (default: on;"
                    + " --no-create-topics when topics are managed elsewhere).")
    boolean createTopics;

    @Override
    public Integer call() throws InterruptedException {
        SchemaAggregator.Config.Builder builder = SchemaAggregator.Config.builder(bootstrap)
                .topics(new Topics(topicPrefix))
                .graph(graph)
                .applicationId(applicationId)
                .standbyReplicas(standbyReplicas)
                .composition(new CompositionSettings(pagination))
                .lint(lintSettings())
                .kafkaProperties(Map.copyOf(kafka));
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        SchemaAggregator.Config config = builder.build();
        if (createTopics) {
            Map<String, Object> clientProperties = new HashMap<>(kafka);
            clientProperties.put("bootstrap.servers", bootstrap);
            StartupTopics.ensure(clientProperties, new Topics(topicPrefix), System.out);
        }
        SchemaAggregator aggregator = SchemaAggregator.start(config, failure -> {
            System.err.println("tributary aggregator: Kafka Streams stopped (" + Printable.of(String.valueOf(failure))
                    + "); exiting so that a supervisor restarts the aggregator.");
            System.exit(70);
        });
        AggregatorHttpApi api = AggregatorHttpApi.start(aggregator, httpPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            aggregator.close();
            stopped.countDown();
        }, "tributary-aggregator-shutdown"));
        System.out.printf("Aggregator folding %s.catalog into %s.schema on %s; API at %s/views/current, console at %s%n",
                topicPrefix, topicPrefix, bootstrap, api.uri(), api.consoleUri());
        stopped.await();
        return 0;
    }

    /** How much a lint rule matters, or that it is off. */
    enum LintLevel { INFO, WARNING, ERROR, OFF }

    private LintSettings lintSettings() {
        Map<LintRule, Severity> severities = new EnumMap<>(LintRule.class);
        Set<LintRule> disabled = EnumSet.noneOf(LintRule.class);
        lint.forEach((rule, level) -> {
            if (level == LintLevel.OFF) {
                disabled.add(rule);
            } else {
                severities.put(rule, Severity.valueOf(level.name()));
            }
        });
        return new LintSettings(severities, disabled, lintErrorsBlock);
    }
}
