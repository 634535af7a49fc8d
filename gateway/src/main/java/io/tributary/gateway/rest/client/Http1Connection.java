package io.tributary.gateway.rest.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a service, used by one call at a time with blocking I/O on the caller's virtual thread:
 * writes a request, reads the status, the headers and the body (fixed length, chunked, or up to the close), and says
 * whether it can carry another request. A read past the call's deadline fails; {@link CallDeadlines} aborts the
 * connection when the call's deadline passes while it waits.
 */
final class Http1Connection implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    /** A response: its status and body (empty when it has none). */
    record Response(int status, byte[] body) {
    }

    private final Socket socket;
    private final Socket raw;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long deadline;
    private boolean reusable = true;
    private volatile boolean aborted;
    private long idleSince;

    private Http1Connection(Socket socket, Socket raw) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the origin's host and port (TLS for https), within the connect timeout. */
    static Http1Connection open(Origin origin, int connectTimeoutMillis) throws IOException {
        boolean tls = origin.tls();
        String host = origin.host();
        int port = origin.port();
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            if (tls) {
                SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.setSoTimeout(connectTimeoutMillis);
                secure.startHandshake();
                secure.setSoTimeout(0);
                return new Http1Connection(secure, socket);
            }
            return new Http1Connection(socket, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends one request and reads its response, all before {@code deadline} ({@link System#nanoTime()}); a read after
     * it, or a read or write the connection's {@link #abort} cut short, fails with a {@link SocketTimeoutException}.
     */
    Response exchange(String method, Origin origin, String target, Map<String, String> headers, byte[] body, String contentType, long deadline)
            throws IOException {
        this.deadline = deadline;
        try {
            return send(method, origin, target, headers, body, contentType);
        } catch (IOException e) {
            if (aborted) {
                throw (SocketTimeoutException) new SocketTimeoutException("the call's deadline passed").initCause(e);
            }
            throw e;
        }
    }

    private Response send(String method, Origin origin, String target, Map<String, String> headers, byte[] body, String contentType)
            throws IOException {
        out.write(head(method, origin, target, headers, body, contentType));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        int status;
        do {
            status = readStatus();
        } while (status / 100 == 1 && readHeaders(method, status) >= 0);
        long length = readHeaders(method, status);
        byte[] content = length == -2 ? readChunked() : length == -1 ? readToClose() : readExactly(length);
        return new Response(status, content);
    }

    /** Whether the response left the connection open for another request. */
    boolean reusable() {
        return reusable && !aborted && !socket.isClosed();
    }

    void idle(long now) {
        idleSince = now;
    }

    long idleSince() {
        return idleSince;
    }

    private static byte[] head(String method, Origin origin, String target, Map<String, String> headers, byte[] body, String contentType) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(origin.pathPrefix()).append(target);
        head.append(" HTTP/1.1\r\nHost: ").append(origin.authority()).append("\r\nAccept: application/json\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private int readStatus() throws IOException {
        String line = readLine();
        if (!line.startsWith("HTTP/1.") || line.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + line.substring(0, Math.min(40, line.length())));
        }
        if (line.startsWith("HTTP/1.0")) {
            reusable = false;
        }
        try {
            return Integer.parseInt(line, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new IOException("no status code in: " + line.substring(0, Math.min(40, line.length())), e);
        }
    }

    /** Reads the headers; answers the body's length, -1 when it runs to the close, -2 when it is chunked. */
    private long readHeaders(String method, int status) throws IOException {
        long length = -1;
        boolean chunked = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> reusable &= !value.toLowerCase(Locale.ROOT).contains("close");
                default -> {
                }
            }
        }
        if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return 0;
        }
        if (chunked) {
            return -2;
        }
        if (length < 0) {
            reusable = false;
        }
        return length;
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new IOException("unusable Content-Length " + value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length " + value, e);
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long length;
            try {
                length = Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size", e);
            }
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(readExactly(length));
            readLine();
        }
    }

    private byte[] readToClose() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (fill()) {
            body.write(buffer, position, limit - position);
            position = limit;
        }
        return body.toByteArray();
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] content = new byte[(int) length];
        int read = 0;
        while (read < length) {
            if (position == limit && !fill()) {
                throw new EOFException("the response ended after " + read + " of " + length + " bytes");
            }
            int n = Math.min(limit - position, content.length - read);
            System.arraycopy(buffer, position, content, read, n);
            position += n;
            read += n;
        }
        return content;
    }

    private String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed in the middle of a response");
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line == null ? part : stripCarriageReturn(line.append(part));
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            if (line.length() > 65_536) {
                throw new IOException("a status or header line longer than 64 KiB");
            }
            line.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
            position = limit;
        }
    }

    private static String stripCarriageReturn(StringBuilder line) {
        int cr = line.indexOf("\r");
        return cr == line.length() - 1 ? line.substring(0, cr) : line.toString();
    }

    /**
     * Reads more bytes into the buffer; false at the end of the stream. The read has no socket timeout: a timed read
     * costs a timer per read, and the call's deadline aborts the connection instead.
     */
    private boolean fill() throws IOException {
        if (deadline - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("the call's deadline passed");
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            reusable = false;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /**
     * Ends the call in progress from another thread: the read or write it waits in fails, and the connection is closed.
     * The plain socket under a TLS one is closed, which needs no lock the waiting call holds.
     */
    void abort() {
        aborted = true;
        try {
            raw.close();
        } catch (IOException e) {
            // closing a connection whose call is over
        }
    }

    @Override
    public void close() {
        reusable = false;
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection we no longer use
        }
    }
}
