package io.tributary.gateway.rest.client;

import java.net.URI;
import java.util.Map;

/**
 * One REST call ready to send: the service it goes to (for its timeout, limit and metrics), method, URL, the headers
 * its parameters set, and body with its content type.
 */
record RestCall(String service, String method, URI uri, Map<String, String> headers, byte[] body, String contentType) {
}
