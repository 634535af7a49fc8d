package io.tributary.avro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates whichever of Tributary's topics a cluster lacks, with their configuration; existing topics are left alone.
 * Parts that start in any order (aggregator, gateways, publishers) all call it: one that loses the race to create a
 * topic finds it created, which is what it wanted.
 */
public final class TopicProvisioner {
    /** The replication factor that means "the broker's default". */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    private TopicProvisioner() {
    }

    /** Returns the names of the topics it created. */
    public static List<String> ensure(String bootstrapServers, Topics topics, short replicationFactor) {
        return ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics, replicationFactor);
    }

    /** Returns the names of the topics it created, connecting with these client properties (SASL, TLS, ...). */
    public static List<String> ensure(Map<String, Object> clientProperties, Topics topics, short replicationFactor) {
        try (Admin admin = Admin.create(new HashMap<>(clientProperties))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.newTopics(replicationFactor).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            CreateTopicsResult result = admin.createTopics(missing);
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get();
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Tributary's topics on " + clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
