package io.tributary.gateway.rest.client;

import java.net.URI;
import java.util.Map;

/**
 * One REST call ready to send: the service it goes to (for its timeout, limit and metrics), method, the instance's
 * origin and the path with its query string there, the headers its parameters set, body with its content type, and
 * the catalog's path template (for its trace span).
 */
record RestCall(String service, String method, Origin origin, String target, Map<String, String> headers, byte[] body, String contentType,
                String route) {

    /** The call's URL, as errors and traces name it. */
    URI uri() {
        return URI.create(origin.url() + target);
    }
}
