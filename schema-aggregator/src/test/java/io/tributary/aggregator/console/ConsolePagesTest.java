package io.tributary.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.curation.CurationRule;
import io.tributary.view.LogEvent;
import io.tributary.view.LogReplay;
import io.tributary.view.SchemaView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the console's pages make of a history, folded by the core from scripted events (no broker): lease ages and
 * states, expired instances, deploys, curation rules in force and removed, and the schema explorer's owners.
 */
class ConsolePagesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final LogReplay replay = new LogReplay("default");
    private final ConsoleState state = new ConsoleState("default");
    private final ConsolePages pages = new ConsolePages(state);

    @Test
    void shouldShowLeaseAgesRollingInstancesAndInstancesWhoseLeaseRanOut() {
        publish(CourseCatalogs.v2("a"));
        publish(GraphCatalogs.partners());
        state.lease("courses/a", new ConsoleState.Lease(T0, 30_000));
        assertThat(state.renew("courses/a", T0.plusSeconds(20))).isTrue();
        assertThat(state.renew("courses/unknown", T0.plusSeconds(20))).as("a heartbeat of no known instance").isFalse();
        fold(new LogEvent.Retracted(GraphCatalogs.partners().instanceKey(), true));
        publish(CourseCatalogs.v1("b"));

        ConsolePages.Services services = pages.services(T0.plusSeconds(25));

        assertThat(services.services()).singleElement().satisfies(courses -> {
            assertThat(courses.status()).isEqualTo("ROLLING");
            assertThat(courses.instances()).extracting(ConsolePages.Instance::state).containsOnly("rolling");
            assertThat(courses.instances()).filteredOn(i -> i.instanceId().equals("a")).singleElement().satisfies(a -> {
                assertThat(a.leaseAgeMillis()).isEqualTo(5_000);
                assertThat(a.leaseMillis()).isEqualTo(30_000);
            });
        });
        assertThat(services.expired()).singleElement().satisfies(expired -> {
            assertThat(expired.instance()).isEqualTo(GraphCatalogs.partners().instanceKey());
            assertThat(expired.version()).isEqualTo(GraphCatalogs.partners().serviceVersion());
        });
        assertThat(pages.timeline().getFirst().deploy()).isEqualTo("1.0.0");
    }

    @Test
    void shouldForgetAnExpiryOnceTheInstanceIsBack() {
        publish(GraphCatalogs.partners());
        fold(new LogEvent.Retracted(GraphCatalogs.partners().instanceKey(), true));
        publish(GraphCatalogs.partners());

        assertThat(pages.services(T0).expired()).isEmpty();
    }

    @Test
    void shouldListRulesInForceAndRemovedOnesWithTheViewsTheyMade() {
        publish(CourseCatalogs.v2("a"));
        CurationRule hide = new CurationRule.Hide("hide-subtitle", "Course.subtitle");
        fold(new LogEvent.Curated(hide.id(), hide));
        state.rule(hide.id(), hide);
        CurationRule rename = new CurationRule.RenameField("rename-title", "Course.title", "name");
        fold(new LogEvent.Curated(rename.id(), rename));
        fold(new LogEvent.Curated(rename.id(), null));

        assertThat(pages.curation()).extracting(ConsolePages.Rule::id, ConsolePages.Rule::active, r -> r.views().size())
                .containsExactly(tuple("hide-subtitle", true, 1),
                        tuple("rename-title", false, 2));
        assertThat(pages.curation().getFirst().views().getFirst().changes())
                .extracting(ConsolePages.Change::coordinate).contains("Course.subtitle");
    }

    @Test
    void shouldGiveTypesTheOwnerOfTheRoutesThatReturnThemAndOfTheTypesThatLeadToThem() {
        publish(GraphCatalogs.partners());

        SchemaExplorer.TypeInfo address = pages.schema().types().stream().filter(t -> t.name().equals("PartnerAddress"))
                .findFirst().orElseThrow();

        assertThat(address.owner().service()).isEqualTo("partners");
        assertThat(address.description()).isEqualTo("A postal address.");
        assertThat(pages.schema().types()).extracting(SchemaExplorer.TypeInfo::name).doesNotContain("String", "Boolean");
    }

    private void publish(ServiceCatalog catalog) {
        fold(new LogEvent.Published(catalog.instanceKey(), catalog));
    }

    private void fold(LogEvent event) {
        long before = replay.current().map(SchemaView::version).orElse(0L);
        replay.append(event, "catalog", T0);
        replay.current().filter(v -> v.version() > before).ifPresent(state::view);
    }
}
