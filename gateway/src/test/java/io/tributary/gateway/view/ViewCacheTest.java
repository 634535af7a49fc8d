package io.tributary.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.rest.RestClient;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.gateway.schema.GraphHolder;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCacheTest {
    @TempDir
    Path dir;

    @Test
    void shouldHandTheLastSwappedViewToTheNextGatewayProcess() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        GraphHolder first = holder();
        first.addListener(new ViewCache(dir, "default"));
        first.apply(view);

        assertThat(new ViewCache(dir, "default").load()).contains(view);
        assertThat(new ViewCache(dir, "other").load()).isEmpty();
    }

    @Test
    void shouldIgnoreACacheItCannotRead() throws IOException {
        Files.writeString(dir.resolve("default.view"), "not a view");

        assertThat(new ViewCache(dir, "default").load()).isEmpty();
    }

    private static GraphHolder holder() {
        return new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC()));
    }
}
