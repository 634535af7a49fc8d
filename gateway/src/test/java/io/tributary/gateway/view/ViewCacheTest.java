package io.tributary.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.gateway.rest.client.RestClient;
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

    @Test
    void shouldSayWhichClusterTheCachedViewCameFrom() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        GraphHolder first = holder();
        first.addListener(new ViewCache(dir, "default", first::origin));
        first.apply(view, "cluster-a");

        assertThat(new ViewCache(dir, "default").loadWithCluster()).contains(new ViewCache.Cached(view, "cluster-a"));
    }

    @Test
    void shouldReadACacheWrittenBeforeItSaidItsClusterAsOfAnUnknownCluster() throws IOException {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        Files.write(dir.resolve("default.view"), io.tributary.avro.TributarySerdes.view().serializer().serialize("", view));

        assertThat(new ViewCache(dir, "default").loadWithCluster()).contains(new ViewCache.Cached(view, null));
    }

    @Test
    void shouldDeleteTheCacheWhenTheViewIsWithdrawn() {
        SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        GraphHolder holder = holder();
        ViewCache cache = new ViewCache(dir, "default", holder::origin);
        holder.addListener(cache);
        holder.apply(view, "cluster-a");
        assertThat(cache.file()).exists();

        holder.withdraw("it belongs to cluster-a, this is cluster-b");

        assertThat(cache.file()).doesNotExist();
        assertThat(cache.load()).isEmpty();
    }

    @Test
    void shouldWriteTheBytesTheSwappedViewWasReadFromAndEncodeAViewItHasNoBytesFor() throws IOException {
        SchemaView first = new ViewFold("default").next(Optional.empty(), List.of(CourseCatalogs.v2("a")),
                new Cause("t", 0, 1, "k"), Instant.EPOCH).orElseThrow();
        SchemaView second = new ViewFold("default").next(Optional.of(first), List.of(CourseCatalogs.v2("a"), io.tributary.catalog.GraphCatalogs.instructors()),
                new Cause("t", 0, 2, "k"), Instant.EPOCH).orElseThrow();
        byte[] read = io.tributary.avro.TributarySerdes.view().serializer().serialize("", first);
        GraphHolder holder = holder();
        ViewCache cache = new ViewCache(dir, "default", holder::origin);
        holder.addListener(cache);

        cache.received(first, read);
        holder.apply(first, "cluster-a");
        byte[] written = Files.readAllBytes(cache.file());
        cache.received(first, read);
        holder.apply(second, "cluster-a");

        assertThat(java.util.Arrays.copyOfRange(written, written.length - read.length, written.length)).isEqualTo(read);
        assertThat(cache.loadWithCluster()).contains(new ViewCache.Cached(second, "cluster-a"));
    }

    private static GraphHolder holder() {
        return new GraphHolder(new ExecutableGraphFactory(new RestClient(Duration.ofSeconds(1)), Clock.systemUTC()));
    }
}
