package io.tributary.gateway.rest.plan;

import graphql.schema.idl.WiringFactory;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.fetch.RequestScope;
import io.tributary.text.Printable;
import io.tributary.view.SchemaView;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one view's fields are resolved over REST: built once per view (call templates, JSON pointers, bindings, the
 * host allowlist check), it gives the wiring that makes every routed field's data fetcher, and per request the data
 * loaders that batch and deduplicate its calls.
 */
public final class RestResolution {
    private static final Logger LOG = LoggerFactory.getLogger(RestResolution.class);

    private final RoutePlans plans;
    private final RestClient client;
    private final RestWiringFactory wiring;
    private final int maxCallsPerRequest;

    private RestResolution(RoutePlans plans, RestClient client, int maxCallsPerRequest) {
        this.plans = plans;
        this.client = client;
        this.wiring = new RestWiringFactory(plans);
        this.maxCallsPerRequest = maxCallsPerRequest;
    }

    /**
     * Plans the view's REST calls with these settings; calls go out through {@code client}. Services the allowlist
     * keeps out, wholly or in part, are logged as warnings here, once per view.
     */
    public static RestResolution forView(SchemaView view, RestClient client, RestSettings settings) {
        RoutePlans plans = new RoutePlans(view.routing(), settings);
        plans.unrouted().forEach((service, reason) -> LOG.warn("View {} of graph {}: service {} is not routed: {}",
                view.version(), Printable.of(view.graph()), Printable.of(service), Printable.of(reason)));
        plans.refusedBaseUrls().forEach((service, urls) -> LOG.warn("View {} of graph {}: service {} is called only through its "
                + "allowed instances; {} refused by the allow list {} or the deny list {} of downstream hosts", view.version(),
                Printable.of(view.graph()), Printable.of(service), Printable.of(urls.toString()), settings.allowedHosts(),
                settings.deniedHosts()));
        return new RestResolution(plans, client, settings.maxCallsPerRequest());
    }

    public WiringFactory wiringFactory() {
        return wiring;
    }

    /**
     * The services this view names but the gateway does not call, with the reason (a base URL outside the allow list or
     * on the deny list of downstream hosts, or no live instance), for operators; their fields fail with a NOT_ROUTED
     * error that names the service only.
     */
    public Map<String, String> unroutedServices() {
        return plans.unrouted();
    }

    /** Fresh data loaders for one request, forwarding its allowed headers on every call it makes. */
    public DataLoaderRegistry newRequestRegistry(GatewayRequest request) {
        return new RequestScope(plans.loaders(), client, request.forwardedHeaders(), maxCallsPerRequest);
    }
}
