package io.tributary.gateway.rest.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP/1.1 with keep-alive for the gateway's REST calls: blocking I/O on the calling virtual thread over pooled
 * connections, one call per connection at a time. The JDK's {@code HttpClient} spent most of a downstream call's CPU
 * in its selector thread and schedulers (registering each pooled connection and each timeout with the selector); a
 * virtual thread blocked on a socket costs far less. Idle connections are kept per host and port, most recently used
 * first, for at most {@link #MAX_IDLE} (below common server keep-alive timeouts) and at most {@code maxIdlePerHost}
 * of them. A GET, HEAD, PUT or DELETE that finds its pooled connection closed by the service is sent once more on a
 * new connection; other methods are not repeated. A call that outlives its timeout has its connection aborted
 * ({@link CallDeadlines}).
 */
final class Http1Client implements AutoCloseable {
    static final Duration MAX_IDLE = Duration.ofSeconds(20);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final int connectTimeoutMillis;
    private final int maxIdlePerHost;
    private final Map<String, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final CallDeadlines deadlines = new CallDeadlines();
    private volatile boolean closed;

    Http1Client(Duration connectTimeout, int maxIdlePerHost) {
        this.connectTimeoutMillis = (int) Math.max(1, connectTimeout.toMillis());
        this.maxIdlePerHost = maxIdlePerHost;
    }

    /** Sends the request and reads the whole response, failing with {@link SocketTimeoutException} after the timeout. */
    Http1Connection.Response send(String method, Origin origin, String target, Map<String, String> headers, byte[] body, String contentType,
                                  Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Deque<Http1Connection> pool = idle.computeIfAbsent(origin.pool(), k -> new ArrayDeque<>());
        Http1Connection pooled = take(pool);
        if (pooled != null) {
            try {
                return release(pool, pooled, exchange(pooled, method, origin, target, headers, body, contentType, deadline));
            } catch (SocketTimeoutException e) {
                pooled.close();
                throw e;
            } catch (IOException e) {
                pooled.close();
                if (!IDEMPOTENT.contains(method)) {
                    throw e;
                }
            }
        }
        Http1Connection fresh = Http1Connection.open(origin, connectTimeoutMillis);
        try {
            return release(pool, fresh, exchange(fresh, method, origin, target, headers, body, contentType, deadline));
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    /** One exchange watched by the deadlines; a connection they aborted is closed, never pooled. */
    private Http1Connection.Response exchange(Http1Connection connection, String method, Origin origin, String target,
                                              Map<String, String> headers, byte[] body, String contentType, long deadline) throws IOException {
        CallDeadlines.Call call = deadlines.started(connection, deadline);
        try {
            return connection.exchange(method, origin, target, headers, body, contentType, deadline);
        } finally {
            if (!deadlines.ended(call)) {
                connection.close();
            }
        }
    }

    private Http1Connection take(Deque<Http1Connection> pool) {
        long now = System.nanoTime();
        synchronized (pool) {
            while (!pool.isEmpty() && now - pool.peekLast().idleSince() > MAX_IDLE.toNanos()) {
                pool.pollLast().close();
            }
            for (Http1Connection connection = pool.pollFirst(); connection != null; connection = pool.pollFirst()) {
                if (connection.reusable()) {
                    return connection;
                }
                connection.close();
            }
        }
        return null;
    }

    private Http1Connection.Response release(Deque<Http1Connection> pool, Http1Connection connection, Http1Connection.Response response) {
        synchronized (pool) {
            if (!closed && connection.reusable() && pool.size() < maxIdlePerHost) {
                connection.idle(System.nanoTime());
                pool.offerFirst(connection);
                return response;
            }
        }
        connection.close();
        return response;
    }

    @Override
    public void close() {
        closed = true;
        deadlines.close();
        idle.values().forEach(pool -> {
            synchronized (pool) {
                pool.forEach(Http1Connection::close);
                pool.clear();
            }
        });
    }
}
