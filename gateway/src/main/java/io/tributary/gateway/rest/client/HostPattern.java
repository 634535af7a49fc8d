package io.tributary.gateway.rest.client;

/**
 * One entry of the allow or deny list of downstream hosts: an exact host or {@code *.suffix} for any subdomain,
 * optionally with {@code :port}; {@code [::1]} is written as {@link java.net.URI#getHost()} gives IPv6 literals.
 *
 * @param host the host, lower case, or {@code *.suffix}
 * @param port the port it is limited to, or -1 for any
 */
record HostPattern(String host, int port) {

    /** Reads {@code host}, {@code host:port}, {@code *.suffix[:port]} or {@code [v6][:port]}, already lower case. */
    static HostPattern parse(String pattern) {
        int end = pattern.startsWith("[") ? pattern.indexOf(']') + 1 : 0;
        int colon = pattern.indexOf(':', end);
        if (end == 0 && colon >= 0 && pattern.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("'" + pattern + "' is not a host or host:port; write IPv6 addresses in brackets");
        }
        if (colon < 0) {
            return new HostPattern(pattern, -1);
        }
        try {
            int port = Integer.parseInt(pattern.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new HostPattern(pattern.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + pattern + "' has no valid port after its ':'");
        }
    }

    /** Whether a URL naming this host (lower case) and port falls under the pattern. */
    boolean matches(String name, int namePort) {
        boolean hostMatches = host.startsWith("*.") ? name.endsWith(host.substring(1)) : name.equals(host);
        return hostMatches && (port == -1 || port == namePort);
    }
}
