package io.tributary.gateway.rest.plan;

import io.tributary.compose.Routing;
import io.tributary.gateway.rest.client.RestSettings;
import java.util.Collection;
import java.util.Map;

/**
 * How many REST calls the fields of one view make, worked out from its routing as the gateway plans the calls: what
 * lets the limits estimate an operation's downstream calls, and refuse it above {@link #limit()}, before any field runs.
 */
public final class DownstreamCalls {
    private final RoutePlans plans;
    private final int limit;

    DownstreamCalls(RoutePlans plans, int limit) {
        this.plans = plans;
        this.limit = limit;
    }

    /** The calls of a view with this routing, made with these settings. */
    public static DownstreamCalls of(Routing routing, RestSettings settings) {
        return new DownstreamCalls(new RoutePlans(routing, settings), settings.maxCallsPerRequest());
    }

    /** The most calls one request may make, 0 for no limit. */
    public int limit() {
        return limit;
    }

    /**
     * The most calls a field makes for {@code parents} parents at one level with these arguments; for a field of an
     * interface or union, the most any of its object types makes. Fields that are not routed make none.
     */
    public long calls(Collection<String> objectTypes, String field, long parents, Map<String, Object> arguments) {
        long most = 0;
        for (String type : objectTypes) {
            most = Math.max(most, plans.calls(type + "." + field, parents, arguments));
        }
        return most;
    }
}
