package io.tributary.bench;

import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;
import io.tributary.gateway.testing.PublishedCatalogs;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The example services courses, instructors and enrollments on the shared embedded broker, with topics of their own,
 * and the view their catalogs fold into written to the schema topic as the aggregator would write it.
 */
final class ExampleStack implements AutoCloseable {
    private static final List<String> SERVICES = List.of("courses", "enrollments", "instructors");

    final String bootstrap = EmbeddedKafka.shared().bootstrapServers();
    final Topics topics = new Topics("reqpath-" + UUID.randomUUID().toString().substring(0, 8));
    final CoursesApp courses;
    final InstructorsApp instructors;
    final EnrollmentsApp enrollments;

    ExampleStack() {
        TopicProvisioner.ensure(bootstrap, topics, (short) 1);
        courses = CoursesApp.start(Variant.V2, 0, bootstrap, topics);
        instructors = InstructorsApp.start(0, bootstrap, topics);
        enrollments = EnrollmentsApp.start(0, bootstrap, topics);
        publish(new ViewFold("default").next(Optional.empty(), PublishedCatalogs.latest(bootstrap, topics, Set.copyOf(SERVICES)), new Cause("bench", 0, 0, "bench"), Instant.now()).orElseThrow());
    }

    /** The REST URL of one of the services, resolved against its base URL. */
    URI rest(String service, String pathAndQuery) {
        URI base = switch (service) {
            case "courses" -> courses.uri();
            case "instructors" -> instructors.uri();
            case "enrollments" -> enrollments.uri();
            default -> throw new IllegalArgumentException(service);
        };
        return base.resolve(pathAndQuery);
    }

    private void publish(SchemaView view) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.schema(), view.graph(),
                    TributarySerdes.view().serializer().serialize(topics.schema(), view))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the view", e);
        }
    }

    @Override
    public void close() {
        enrollments.close();
        instructors.close();
        courses.close();
    }
}
