package io.tributary.gateway.rest;

import graphql.schema.idl.WiringFactory;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.view.SchemaView;
import org.dataloader.DataLoaderRegistry;

/**
 * How one view's fields are resolved over REST: the wiring that gives every routed field its data fetcher, and the
 * per-request data loaders that batch its calls.
 */
public final class RestResolution {
    private final RestWiringFactory wiring;

    private RestResolution(RestWiringFactory wiring) {
        this.wiring = wiring;
    }

    public static RestResolution forView(SchemaView view, RestClient client) {
        return new RestResolution(new RestWiringFactory(view.routing(), client));
    }

    public WiringFactory wiringFactory() {
        return wiring;
    }

    /** Fresh data loaders for one request. */
    public DataLoaderRegistry newRequestRegistry(GatewayRequest request) {
        return new DataLoaderRegistry();
    }
}
