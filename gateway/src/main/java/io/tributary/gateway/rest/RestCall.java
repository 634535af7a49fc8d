package io.tributary.gateway.rest;

import java.net.URI;

/** One REST call ready to send: the service it goes to (for its timeout, limit and metrics), method, URL and JSON body. */
record RestCall(String service, String method, URI uri, byte[] body) {
}
