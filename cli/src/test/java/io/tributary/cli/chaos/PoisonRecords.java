package io.tributary.cli.chaos;

import io.tributary.avro.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records no publisher would write, sent to the catalog topic with a raw producer, and the check that each one is
 * accounted for: a tombstone whose {@code tributary.event} header has a null value (a retraction, not a rejection),
 * garbage bytes, garbage just under the producer's 1 MiB request limit, a key with a newline, and a key that is not
 * UTF-8 in front of a well-formed catalog.
 */
final class PoisonRecords {
    /** One record to inject; {@code rejected} says whether it must land on the rejected topic. */
    record Poison(String kind, byte[] key, byte[] value, List<Header> headers, boolean rejected) {
    }

    /** Where a poison record went: its offset on the catalog topic, and the reason given when it was rejected. */
    record Outcome(Poison poison, long offset, String reason) {
    }

    private static final String REJECTED_SOURCE = "tributary.rejected.source";
    private static final String REJECTED_REASON = "tributary.rejected.reason";
    /** The producer's default max.request.size less room for the batch and record overhead. */
    private static final int JUST_UNDER_ONE_MIB = 1_048_576 - 1_024;

    private final Random random = new Random(9);

    /** The poison records; the tombstone retracts {@code doomedKey}, the invalid UTF-8 key carries {@code validCatalog}. */
    List<Poison> records(String doomedKey, byte[] validCatalog) {
        byte[] invalidUtf8 = {'p', 'r', 'o', 'b', 'e', 's', '/', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        return List.of(
                new Poison("tombstone, null tributary.event header", utf8(doomedKey), null,
                        List.of(new RecordHeader("tributary.event", null)), false),
                new Poison("garbage bytes", utf8("probes/garbage"), garbage(512), List.of(), true),
                new Poison("garbage just under 1 MiB", utf8("probes/huge"), garbage(JUST_UNDER_ONE_MIB), List.of(), true),
                new Poison("key with a newline", utf8("probes/forged\n05:00:00.000 INFO  all is well"), garbage(64), List.of(), true),
                new Poison("key not UTF-8, catalog well-formed", invalidUtf8, validCatalog, List.of(), true));
    }

    /** Sends the records in order and returns each one's offset. */
    Map<Poison, Long> send(String bootstrap, Topics topics, List<Poison> poisons) {
        Map<Poison, Long> offsets = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Poison poison : poisons) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.catalog(), null, poison.key(), poison.value(),
                        new RecordHeaders(poison.headers().toArray(Header[]::new)));
                offsets.put(poison, producer.send(record).get(60, TimeUnit.SECONDS).offset());
            }
            producer.flush();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not inject poison records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted injecting poison records", e);
        }
        return offsets;
    }

    /**
     * Each poison that must be rejected, matched to its copy on the rejected topic by the source header (or, lacking
     * one, by its key bytes); a copy must keep the original key bytes, and the original value bytes unless the record
     * was too large to copy. Poisons with no faithful copy are left out.
     */
    static List<Outcome> accountedFor(Map<Poison, Long> sent, List<ConsumerRecord<byte[], byte[]>> rejected, Topics topics) {
        List<Outcome> outcomes = new ArrayList<>();
        sent.forEach((poison, offset) -> {
            if (!poison.rejected()) {
                return;
            }
            String source = topics.catalog() + "/0@" + offset;
            rejected.stream()
                    .filter(copy -> source.equals(header(copy, REJECTED_SOURCE))
                            || header(copy, REJECTED_SOURCE) == null && Arrays.equals(copy.key(), poison.key()))
                    .filter(copy -> isFaithful(copy, poison))
                    .findFirst()
                    .ifPresent(copy -> outcomes.add(new Outcome(poison, offset, header(copy, REJECTED_REASON))));
        });
        return outcomes;
    }

    private static boolean isFaithful(ConsumerRecord<byte[], byte[]> copy, Poison poison) {
        boolean referenced = copy.value() == null && poison.value().length == JUST_UNDER_ONE_MIB;
        return Arrays.equals(copy.key(), poison.key()) && (referenced || Arrays.equals(copy.value(), poison.value()));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
