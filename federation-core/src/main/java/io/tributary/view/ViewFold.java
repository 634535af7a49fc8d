package io.tributary.view;

import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.CompositionSettings;
import io.tributary.compose.GraphComposer;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.lint.LintSettings;
import io.tributary.lint.SchemaLint;
import io.tributary.diff.SchemaChanges;
import io.tributary.fold.EffectiveCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The aggregator's decision, as a pure function: given the last view and every live instance after an event,
 * is there a new view? There is one only when the schema or its routing changed, so heartbeats and re-publishes of
 * the same catalog write nothing. Uses no clock: the time comes with the event.
 */
public final class ViewFold {

    private final String graph;
    private final GraphComposer composer;
    private final SchemaLint lint;

    public ViewFold(String graph, CompositionSettings composition, LintSettings lint) {
        this.graph = graph;
        this.composer = new GraphComposer(composition);
        this.lint = new SchemaLint(lint);
    }

    public ViewFold(String graph) {
        this(graph, CompositionSettings.DEFAULT, LintSettings.DEFAULT);
    }

    public Optional<SchemaView> next(Optional<SchemaView> last, Collection<ServiceCatalog> live, Cause cause, Instant at) {
        List<EffectiveCatalog> effective = byService(live).values().stream().map(EffectiveCatalog::of).toList();
        ComposedGraph composed = composer.compose(effective);
        List<Diagnostic> diagnostics = new ArrayList<>(composed.diagnostics());
        diagnostics.addAll(lint.check(composed.sdl(), composed.routing()));
        List<ServiceState> services = effective.stream()
                .map(c -> new ServiceState(c.service(), c.status(), c.instances()))
                .toList();
        if (last.isPresent() && unchanged(last.get(), composed, services, diagnostics)) {
            return Optional.empty();
        }
        long version = last.map(SchemaView::version).orElse(0L) + 1;
        return Optional.of(new SchemaView(graph, version, composed.hash(), at, composed.sdl(), composed.routing(),
                services, diagnostics, composed.failedServices(),
                last.map(previous -> SchemaChanges.between(previous.sdl(), composed.sdl())).orElse(List.of()), cause));
    }

    private static boolean unchanged(SchemaView last, ComposedGraph composed, List<ServiceState> services, List<Diagnostic> diagnostics) {
        return last.hash().equals(composed.hash())
                && last.routing().equals(composed.routing())
                && last.services().equals(services)
                && last.diagnostics().equals(diagnostics);
    }

    private static Map<String, List<ServiceCatalog>> byService(Collection<ServiceCatalog> live) {
        return live.stream().collect(Collectors.groupingBy(ServiceCatalog::service, TreeMap::new, Collectors.toList()));
    }
}
