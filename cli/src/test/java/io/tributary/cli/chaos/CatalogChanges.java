package io.tributary.cli.chaos;

import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.catalog.ServiceCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Deploys as the catalog topic sees them, published as a service's publisher would: revision N of a small
 * {@code probes} service changes its model's description, so every revision is a new schema and a gateway serving it
 * says so in its SDL ({@link #marker}). Its routes point at a real REST service, so every gateway accepts them.
 */
final class CatalogChanges implements AutoCloseable {
    /** Longer than the test: the probes never heartbeat, and their expiry is not what is under test. */
    private static final long LEASE_MILLIS = Duration.ofHours(2).toMillis();

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final String baseUrl;
    private int revision;

    CatalogChanges(String bootstrap, Topics topics, String baseUrl) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Duration.ofMinutes(2).toMillis()),
                new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.baseUrl = baseUrl;
    }

    /** Publishes the next revision of the probes service and returns its number. */
    int nextRevision() {
        revision++;
        publish(catalog("probes", "Probe", "Probe revision " + revision + "."));
        return revision;
    }

    /** The text a gateway's SDL contains once it serves {@code revision} (and no other revision). */
    static String marker(int revision) {
        return "Probe revision " + revision + ".";
    }

    /** The current revision's catalog as a publisher encodes it, unpublished: a well-formed value for a poison key. */
    byte[] encodedCurrentRevision() {
        ServiceCatalog catalog = catalog("probes", "Probe", "Probe revision " + revision + ".");
        return TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog);
    }

    /** Publishes a second service, {@code doomed}, whose type {@code Doomed} shows it is in the graph; returns its key. */
    String publishDoomed() {
        ServiceCatalog doomed = catalog("doomed", "Doomed", "A service the chaos test retracts with a poison tombstone.");
        publish(doomed);
        return doomed.instanceKey();
    }

    private ServiceCatalog catalog(String service, String model, String doc) {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "%s", "namespace": "org.example.chaos", "doc": "%s",
                 "fields": [{"name": "id", "type": "string", "doc": "Identifies it."},
                            {"name": "title", "type": "string", "doc": "Its title."}]}""".formatted(model, doc));
        Resource resource = new Resource(service, 1, "Published by the chaos test.", schema, "id", List.of(
                Operation.builder(OperationKind.GET, "GET", "/" + service + "/{id}")
                        .parameters(List.of(Parameter.of("id", Schema.Type.STRING, Parameter.Location.PATH, true, ""))).build(),
                Operation.builder(OperationKind.MULTI_GET, "GET", "/" + service)
                        .parameters(List.of(Parameter.of("ids", Schema.Type.STRING, Parameter.Location.QUERY, true, "")))
                        .envelope(ResponseEnvelope.NAPTIME).build()));
        return new ServiceCatalog(service, "chaos-1", "1.0." + revision, Instant.now(), baseUrl, LEASE_MILLIS, List.of(resource));
    }

    private void publish(ServiceCatalog catalog) {
        byte[] value = TributarySerdes.catalog().serializer().serialize(topics.catalog(), catalog);
        try {
            producer.send(new ProducerRecord<>(topics.catalog(), catalog.instanceKey(), value)).get(3, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + catalog.instanceKey(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing " + catalog.instanceKey(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
