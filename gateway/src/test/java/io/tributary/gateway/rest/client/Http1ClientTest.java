package io.tributary.gateway.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.tributary.gateway.rest.client.Http1Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Http1ClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Http1Client client = new Http1Client(Duration.ofSeconds(2), 8);
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @AfterEach
    void stop() {
        client.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldCarryCallsOneAfterAnotherOnOneConnection() throws IOException {
        URI base = serve(Map.of());

        List<String> bodies = List.of(get(base.resolve("/a?x=1")), get(base.resolve("/b")), get(base.resolve("/c")));

        assertThat(bodies).containsExactly("/a?x=1", "/b", "/c");
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void shouldOpenANewConnectionAfterAServiceSaysItClosesThisOne() throws IOException {
        URI base = serve(Map.of("Connection", "close"));

        get(base.resolve("/a"));
        get(base.resolve("/b"));

        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void shouldNameOnlyHostAndPortInTheHostHeaderEvenWhenTheUrlCarriesUserInformation() throws IOException {
        List<String> hosts = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();

        send("GET", URI.create("http://user:secret@127.0.0.1:" + port + "/a"), null, null, TIMEOUT);

        assertThat(hosts).containsExactly("127.0.0.1:" + port);
    }

    @Test
    void shouldReadAChunkedBody() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 3; i++) {
                exchange.getResponseBody().write(("part" + i + ",").getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
            }
            exchange.close();
        });
        server.start();

        assertThat(get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))).isEqualTo("part0,part1,part2,");
    }

    @Test
    void shouldSendAGetAgainOnANewConnectionWhenTheServiceClosedThePooledOneButNeverAPost() throws Exception {
        try (ServerSocket oneAnswerPerConnection = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> requests = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> answerOnceThenClose(oneAnswerPerConnection, requests));
            URI uri = URI.create("http://127.0.0.1:" + oneAnswerPerConnection.getLocalPort() + "/courses/c-1");

            Http1Connection.Response first = send("GET", uri, null, null, TIMEOUT);
            Http1Connection.Response again = send("GET", uri, null, null, TIMEOUT);
            send("GET", uri, null, null, TIMEOUT);

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(requests).hasSize(3);
            assertThatThrownBy(() -> send("POST", uri, "{}".getBytes(StandardCharsets.UTF_8), "application/json", TIMEOUT))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldEndACallWhoseServiceNeverAnswersAtItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> acceptAndKeep(silent, accepted));
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/courses/c-1");

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> send("GET", uri, null, null, Duration.ofMillis(300))).isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void shouldEndACallWhoseServiceStopsReadingItsRequestAtItsTimeout() throws Exception {
        try (ServerSocket neverReads = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> acceptAndKeep(neverReads, accepted));
            URI uri = URI.create("http://127.0.0.1:" + neverReads.getLocalPort() + "/courses");
            byte[] larger = new byte[64 << 20];

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> send("POST", uri, larger, "application/json", Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void shouldNotReuseTheConnectionOfACallThatTimedOut() throws Exception {
        try (ServerSocket slowFirst = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> requests = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> answerAllButTheFirstConnection(slowFirst, requests));
            URI uri = URI.create("http://127.0.0.1:" + slowFirst.getLocalPort() + "/courses/c-1");

            assertThatThrownBy(() -> send("GET", uri, null, null, Duration.ofMillis(200)))
                    .isInstanceOf(SocketTimeoutException.class);
            Http1Connection.Response answer = send("GET", uri, null, null, TIMEOUT);

            assertThat(answer.status()).isEqualTo(200);
        }
    }

    /** Accepts connections and keeps them open, reading and answering nothing. */
    private static void acceptAndKeep(ServerSocket server, List<Socket> accepted) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setReceiveBufferSize(4096);
                accepted.add(socket);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Never answers on the first connection; answers every request on the others, keeping them open. */
    private static void answerAllButTheFirstConnection(ServerSocket server, List<String> requests) {
        try {
            Socket first = server.accept();
            requests.add("first");
            while (!server.isClosed()) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> answerEvery(socket, requests));
            }
            first.close();
        } catch (IOException e) {
            // the test is over
        }
    }

    private static void answerEvery(Socket socket, List<String> requests) {
        try (socket) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                head.append((char) b);
                if (head.toString().endsWith("\r\n\r\n")) {
                    requests.add(head.toString());
                    head.setLength(0);
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    /** Answers the first request of every connection with a keep-alive response, then closes the connection unannounced. */
    private static void answerOnceThenClose(ServerSocket server, List<String> requests) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                requests.add(head.toString());
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private URI serve(Map<String, String> responseHeaders) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            responseHeaders.forEach(exchange.getResponseHeaders()::add);
            byte[] body = exchange.getRequestURI().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private String get(URI uri) throws IOException {
        Http1Connection.Response response = send("GET", uri, null, null, TIMEOUT);
        assertThat(response.status()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Sends a call to a URL as the REST client does: to the URL's origin, with its path and query as the target. */
    private Http1Connection.Response send(String method, URI uri, byte[] body, String contentType, Duration timeout) throws IOException {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return client.send(method, Origin.of(uri.getScheme() + "://" + uri.getRawAuthority()), target, Map.of(), body, contentType, timeout);
    }
}
