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
 * finds streams whose page went away. A page that falls far behind loses events, not the server's memory.
 */
final class EventStream implements AutoCloseable {
    private static final String CLOSE = "";
    private static final int MAX_QUEUED = 256;
    private static final long KEEPALIVE_SECONDS = 10;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Tells every open page what changed. */
    void publish(Set<Change> changes) {
        for (BlockingQueue<String> client : clients) {
            changes.forEach(change -> client.offer(change.eventName()));
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
