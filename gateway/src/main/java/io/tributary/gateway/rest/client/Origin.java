package io.tributary.gateway.rest.client;

import java.net.URI;

/**
 * Where one instance of a service answers, read once from its base URL: how to connect to it, its pool of
 * connections, the Host header and the path every call's target is appended to. Parsing a URL for every call was
 * 1-2% of the gateway's CPU on a request of 22 calls.
 *
 * @param url the base URL without a trailing slash, as errors and traces name it
 * @param tls whether calls go over TLS (https)
 * @param host the host to connect to, an IPv6 address without its brackets
 * @param port the port to connect to, the scheme's default when the URL names none
 * @param authority host and port as the Host header names them, without any user information the URL carries
 * @param pathPrefix the URL's raw path, which every call's target follows; empty for none
 * @param pool the name of the pool of idle connections to this origin: scheme, host and port
 */
record Origin(String url, boolean tls, String host, int port, String authority, String pathPrefix, String pool) {

    /** The origin of a base URL (http or https, with a host); fails with an {@link IllegalArgumentException} otherwise. */
    static Origin of(String baseUrl) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri = URI.create(url);
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL with a host: " + url);
        }
        String host = uri.getHost().startsWith("[") && uri.getHost().endsWith("]")
                ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String authority = uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        return new Origin(url, tls, host, uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80, authority,
                uri.getRawPath() == null ? "" : uri.getRawPath(), (tls ? "https://" : "http://") + authority);
    }
}
