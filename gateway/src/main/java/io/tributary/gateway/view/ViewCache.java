package io.tributary.gateway.view;

import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good view on local disk, written after every swap (atomically: a crash never leaves half a file) and read
 * at startup, so a gateway that restarts while Kafka is unreachable still serves. A cache it cannot read is ignored
 * with a warning.
 *
 * <p>The file says which Kafka cluster the view came from (a header line before the view's bytes), since a gateway
 * that starts while Kafka is down cannot ask: once Kafka answers with another cluster id, the view is withdrawn and
 * the file deleted. A file written before the header existed is read as a view of an unknown cluster.
 */
public final class ViewCache implements SwapListener {
    private static final Logger LOG = LoggerFactory.getLogger(ViewCache.class);
    private static final byte[] MAGIC = "TRIBUTARY-VIEW-CACHE 2\n".getBytes(StandardCharsets.US_ASCII);
    private static final String CLUSTER = "cluster=";

    /** A cached view and the id of the cluster it came from (null: unknown). */
    public record Cached(SchemaView view, String clusterId) {
    }

    /** A view and the bytes it was decoded from. */
    private record Received(SchemaView view, byte[] bytes) {
    }

    private final Serde<SchemaView> serde = TributarySerdes.view();
    private final Path file;
    private final Supplier<Optional<String>> origin;
    private final AtomicReference<Received> received = new AtomicReference<>();

    /** A cache in {@code directory}, one file per log and graph ({@code tributary.default}), of views of unknown clusters. */
    public ViewCache(Path directory, String name) {
        this(directory, name, Optional::empty);
    }

    /** A cache whose files say which cluster the swapped view came from, as {@code origin} tells at each swap. */
    public ViewCache(Path directory, String name, Supplier<Optional<String>> origin) {
        this.file = directory.resolve(name + ".view");
        this.origin = origin;
    }

    public Path file() {
        return file;
    }

    public Optional<SchemaView> load() {
        return loadWithCluster().map(Cached::view);
    }

    /** The cached view with the cluster it came from, if a readable cache exists. */
    public Optional<Cached> loadWithCluster() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!startsWith(bytes, MAGIC)) {
                return Optional.of(new Cached(serde.deserializer().deserialize("", bytes), null));
            }
            int lineEnd = indexOf(bytes, (byte) '\n', MAGIC.length);
            if (lineEnd < 0) {
                throw new IOException("truncated header");
            }
            String line = new String(bytes, MAGIC.length, lineEnd - MAGIC.length, StandardCharsets.UTF_8);
            if (!line.startsWith(CLUSTER)) {
                throw new IOException("no cluster line in the header");
            }
            String cluster = line.substring(CLUSTER.length());
            SchemaView view = serde.deserializer().deserialize("", Arrays.copyOfRange(bytes, lineEnd + 1, bytes.length));
            return Optional.of(new Cached(view, cluster.isEmpty() ? null : cluster));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the cached view at {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The bytes {@code view} was decoded from (its record's value), written as they are if it is swapped in next: a view
     * at Coursera scale is megabytes, and encoding it again cost a swap about as much as decoding it.
     */
    public void received(SchemaView view, byte[] bytes) {
        received.set(new Received(view, bytes));
    }

    @Override
    public void swapped(ExecutableGraph graph, SwapReport report) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Received last = received.getAndSet(null);
            byte[] view = last != null && last.view() == graph.view() ? last.bytes() : serde.serializer().serialize("", graph.view());
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(MAGIC);
                out.write((CLUSTER + origin.get().orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(view);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not cache view {} at {}: {}", graph.view().version(), file, e.getMessage());
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a stray temporary file is harmless: the next swap writes its own
            }
        }
    }

    /** The withdrawn view belongs to another cluster: it must not be served again by the next process either. */
    @Override
    public void withdrawn(SchemaView view, String reason) {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("Deleted the cached view at {}: {}", file, reason);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the cached view at {}: {}", file, e.getMessage());
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
