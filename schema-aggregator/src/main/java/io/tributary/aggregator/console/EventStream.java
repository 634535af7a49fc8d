package io.tributary.aggregator.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The console's server-sent events: each open page holds one stream and hears the name of every kind of change the
 * topics bring ({@code views}, {@code gateways}, ...), then fetches what it shows again. A comment every few seconds
 * finds streams whose page went away. Waiting changes are not repeated, so a busy log (heartbeats every few seconds
 * from every instance) costs a slow page one fetch per kind, not one per record.
 */
final class EventStream implements AutoCloseable {
    private static final String CLOSE = "";
    private static final int MAX_QUEUED = Change.values().length;
    private static final long KEEPALIVE_SECONDS = 10;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Tells every open page what changed. A change already waiting for a page is not queued twice: a page that has
     * not heard of the last heartbeat yet needs no second word about the next one.
     */
    void publish(Set<Change> changes) {
        for (BlockingQueue<String> client : clients) {
            changes.stream().map(Change::eventName).filter(name -> !client.contains(name)).forEach(client::offer);
        }
    }

    /** Serves one page's stream until the page goes away or the console closes; blocks its (virtual) thread meanwhile. */
    void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
        clients.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 1000\n: connected\n\n");
            while (!closed) {
                String event = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    write(out, ": keepalive\n\n");
                } else if (event.equals(CLOSE)) {
                    return;
                } else {
                    write(out, "event: " + event + "\ndata: " + event + "\n\n");
                }
            }
        } catch (IOException e) {
            // the page went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        clients.forEach(client -> client.offer(CLOSE));
    }
}
