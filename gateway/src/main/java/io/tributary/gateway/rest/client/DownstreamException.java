package io.tributary.gateway.rest.client;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.tributary.text.Printable;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a field could not be answered by its service: the service, the HTTP status (0 when no response came) and a
 * {@link Code}. It becomes a GraphQL error at the field's path with {@code service}, {@code status} and {@code code}
 * in its extensions, so clients and operators can tell a missing element from a broken or slow service. Its message
 * names only the service and the status: what the client may know. The call's URL, the service's own error text,
 * the cause and the gateway's settings go to the gateway's log, escaped, when the failure is made.
 */
public class DownstreamException extends RuntimeException implements GraphQLError {

    /** What went wrong, as the {@code code} extension of the GraphQL error. */
    public enum Code {
        /** The service has no element with this id (HTTP 404). */
        NOT_FOUND,
        /** The service answered with an error status, or with something that is not the JSON it promised. */
        DOWNSTREAM_ERROR,
        /** The service did not answer within its timeout. */
        TIMEOUT,
        /** The service could not be reached, or too many calls to it were already in flight. */
        UNAVAILABLE,
        /** The gateway does not call the service: its base URL is outside the allow list, or on the deny list, of downstream hosts. */
        NOT_ROUTED
    }

    private static final Logger LOG = LoggerFactory.getLogger(DownstreamException.class);

    private final String service;
    private final int status;
    private final Code code;

    public DownstreamException(String service, Code code, int status, String message) {
        super(message, null, false, false);
        this.service = service;
        this.status = status;
        this.code = code;
    }

    public static DownstreamException status(String service, String method, URI uri, int status, String detail) {
        boolean notFound = status == 404;
        String call = "Service {} answered HTTP {} for {} {}{}";
        Object[] details = {Printable.of(service), status, method, Printable.of(uri.toString()),
                detail.isBlank() ? "" : ": " + Printable.of(detail)};
        if (notFound) {
            LOG.debug(call, details);
        } else {
            LOG.warn(call, details);
        }
        return new DownstreamException(service, notFound ? Code.NOT_FOUND : Code.DOWNSTREAM_ERROR, status, named(service) + " answered " + status);
    }

    static DownstreamException invalidResponse(String service, String method, URI uri, int status, String why) {
        LOG.warn("Service {} answered {} {} ({}) with {}", Printable.of(service), method, Printable.of(uri.toString()), status,
                Printable.of(why));
        return new DownstreamException(service, Code.DOWNSTREAM_ERROR, status, named(service) + " answered " + status
                + " with a body the gateway cannot read");
    }

    static DownstreamException timeout(String service, String method, URI uri, Duration timeout) {
        LOG.warn("Service {} did not answer {} {} within {} ms", Printable.of(service), method, Printable.of(uri.toString()),
                timeout.toMillis());
        return new DownstreamException(service, Code.TIMEOUT, 0, named(service) + " did not answer in time");
    }

    static DownstreamException unreachable(String service, String method, URI uri, Throwable cause) {
        LOG.warn("Service {} could not be reached for {} {}: {}", Printable.of(service), method, Printable.of(uri.toString()),
                Printable.of(String.valueOf(cause)));
        return new DownstreamException(service, Code.UNAVAILABLE, 0, named(service) + " could not be reached");
    }

    static DownstreamException busy(String service, int limit, Duration waited) {
        LOG.warn("Service {} already has {} calls in flight, the most the gateway allows; no slot freed within {} ms",
                Printable.of(service), limit, waited.toMillis());
        return new DownstreamException(service, Code.UNAVAILABLE, 0, named(service) + " has too many calls in flight");
    }

    public static DownstreamException notFound(String service, String resource, Object id) {
        return new DownstreamException(service, Code.NOT_FOUND, 404, named(service) + " has no " + resource + " with id " + id);
    }

    /** Why the service is not routed is logged when the view is applied; the client only learns that it is not. */
    public static DownstreamException notRouted(String service) {
        return new DownstreamException(service, Code.NOT_ROUTED, 0, named(service) + " is not reachable from this gateway");
    }

    private static String named(String service) {
        return "Service '" + service + "'";
    }

    public String service() {
        return service;
    }

    /** The HTTP status the service answered, 0 when it gave none. */
    public int status() {
        return status;
    }

    public Code code() {
        return code;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("service", service);
        extensions.put("status", status);
        extensions.put("code", code.name());
        return extensions;
    }
}
