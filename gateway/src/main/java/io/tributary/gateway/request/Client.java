package io.tributary.gateway.request;

/**
 * The client application a request says it comes from, by its {@code *-client-name} and {@code *-client-version}
 * headers: what usage reports count operations by. Not an identity (the headers are the client's word); empty when
 * the request did not say.
 */
public record Client(String name, String version) {
    /** A request that did not name its client. */
    public static final Client UNNAMED = new Client("", "");

    public Client {
        name = name == null ? "" : name;
        version = version == null ? "" : version;
    }
}
