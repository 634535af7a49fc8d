package io.tributary.gateway.view;

import io.tributary.avro.TributarySerdes;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.SwapReport;
import io.tributary.gateway.schema.SwapListener;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good view on local disk, written after every swap (atomically: a crash never leaves half a file) and read
 * at startup, so a gateway that restarts while Kafka is unreachable still serves. A cache it cannot read is ignored
 * with a warning.
 */
public final class ViewCache implements SwapListener {
    private static final Logger LOG = LoggerFactory.getLogger(ViewCache.class);
    private final Serde<SchemaView> serde = TributarySerdes.view();
    private final Path file;

    /** A cache in {@code directory}, one file per log and graph ({@code tributary.default}). */
    public ViewCache(Path directory, String name) {
        this.file = directory.resolve(name + ".view");
    }

    public Optional<SchemaView> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(serde.deserializer().deserialize("", Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the cached view at {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void swapped(ExecutableGraph graph, SwapReport report) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temporary, serde.serializer().serialize("", graph.view()));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not cache view {} at {}: {}", graph.view().version(), file, e.getMessage());
        }
    }
}
