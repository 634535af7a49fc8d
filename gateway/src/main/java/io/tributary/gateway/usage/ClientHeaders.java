package io.tributary.gateway.usage;

import io.tributary.gateway.request.Client;
import io.tributary.text.Printable;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the client's name and version from the configured headers (Apollo's {@code apollographql-client-name} and
 * {@code -version}, or {@code graphql-client-name} and {@code -version}, by default), cut to {@value #MAX_LENGTH}
 * printable characters: they are the client's word, and end up in reports and on operators' screens.
 */
public final class ClientHeaders {
    static final int MAX_LENGTH = 64;

    private final List<String> names;
    private final List<String> versions;

    public ClientHeaders(List<String> names, List<String> versions) {
        this.names = List.copyOf(names);
        this.versions = List.copyOf(versions);
    }

    /** The client a request names, given how to read one of its headers (null when absent). */
    public Client from(Function<String, String> header) {
        return new Client(first(names, header), first(versions, header));
    }

    private static String first(List<String> headers, Function<String, String> header) {
        for (String name : headers) {
            String value = header.apply(name);
            if (value != null && !value.isBlank()) {
                String printable = Printable.of(value.strip(), MAX_LENGTH);
                return printable.length() > MAX_LENGTH ? printable.substring(0, MAX_LENGTH) : printable;
            }
        }
        return "";
    }
}
