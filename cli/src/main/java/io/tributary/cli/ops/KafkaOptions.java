package io.tributary.cli.ops;

import io.tributary.avro.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How an operator command reaches Kafka: bootstrap servers, Tributary's topic prefix, and any client property (SASL,
 * TLS), from options or a properties file ({@code bootstrap.servers}, {@code tributary.topic-prefix}, client keys).
 */
public final class KafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (or bootstrap.servers in --config).")
    String bootstrap;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of Tributary's topics (default: tributary).")
    String topicPrefix;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with bootstrap.servers, tributary.topic-prefix and Kafka client properties.")
    Path config;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE", description = "A Kafka client property (SASL, TLS, ...); repeatable.")
    Map<String, String> kafka = new HashMap<>();

    /** The Kafka client properties: the file's, then --kafka, then --bootstrap. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        file().forEach((key, value) -> {
            if (!key.toString().startsWith("tributary.")) {
                properties.put(key.toString(), value);
            }
        });
        properties.putAll(kafka);
        if (bootstrap != null) {
            properties.put("bootstrap.servers", bootstrap);
        }
        if (!properties.containsKey("bootstrap.servers")) {
            throw new OperatorException("no Kafka to talk to: give --bootstrap HOST:PORT or bootstrap.servers in --config");
        }
        return properties;
    }

    public String bootstrapServers() {
        return clientProperties().get("bootstrap.servers").toString();
    }

    public Topics topics() {
        String prefix = topicPrefix != null ? topicPrefix : file().getProperty("tributary.topic-prefix", Topics.DEFAULT_PREFIX);
        return new Topics(prefix);
    }

    private Properties file() {
        Properties properties = new Properties();
        if (config == null) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(config)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new OperatorException("cannot read --config " + config + ": " + e.getMessage());
        }
    }
}
