package io.tributary.gateway.rest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.SyntheticGraph;
import io.tributary.compose.Routing;
import io.tributary.compose.ServiceEndpoint;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.rest.fetch.ResourceFetch;
import io.tributary.view.Cause;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutePlansTest {
    private static final SyntheticGraph GRAPH = new SyntheticGraph(3, 6);
    private static final Routing ROUTING = new ViewFold("default")
            .next(Optional.empty(), GRAPH.catalogs(), new Cause("t", 0, 0, "k"), Instant.EPOCH).orElseThrow().routing();
    private final RestSettings settings = RestSettings.defaults();

    @Test
    void shouldTakeOverTheFetchesOfServicesWhoseInstancesAndOperationsAreTheSameAndPlanTheMovedServiceAfresh() {
        RoutePlans before = new RoutePlans(ROUTING, settings);
        Routing moved = new Routing(ROUTING.services().stream().map(endpoint -> endpoint.service().equals("service1")
                ? new ServiceEndpoint("service1", List.of("http://127.0.0.2:8080")) : endpoint).toList(),
                ROUTING.fields(), ROUTING.properties());

        RoutePlans after = new RoutePlans(moved, settings, before);

        // service0 serves things 0 and 1, service1 things 2 and 3
        String unmoved = ResourceFetch.loaderName("s0things0.v1");
        String movedOne = ResourceFetch.loaderName("s1things2.v1");
        assertThat(after.loaders().get(unmoved)).isNotNull().isSameAs(before.loaders().get(unmoved));
        assertThat(after.loaders().get(movedOne)).isNotNull().isNotSameAs(before.loaders().get(movedOne));
        assertThat(after.loaders().keySet()).isEqualTo(before.loaders().keySet());
    }

    @Test
    void shouldPlanEverythingAfreshWithOtherSettings() {
        RoutePlans before = new RoutePlans(ROUTING, settings);

        RoutePlans after = new RoutePlans(ROUTING, settings.withBatchSize(7), before);

        assertThat(after.loaders()).allSatisfy((name, loader) -> assertThat(loader).isNotSameAs(before.loaders().get(name)));
    }
}
