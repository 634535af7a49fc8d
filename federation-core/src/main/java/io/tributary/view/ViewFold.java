package io.tributary.view;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.SchemaDocs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.compose.ComposedGraph;
import io.tributary.compose.CompositionSettings;
import io.tributary.compose.GraphComposer;
import io.tributary.compose.Identity;
import io.tributary.compose.IncrementalComposer;
import io.tributary.compose.Memo;
import io.tributary.compose.PrintedGraph;
import io.tributary.compose.PrintedSchema;
import io.tributary.compose.Routing;
import io.tributary.curation.CurationRule;
import io.tributary.curation.Curator;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import io.tributary.diff.SchemaChanges;
import io.tributary.fold.EffectiveCatalog;
import io.tributary.fold.ServiceStatus;
import io.tributary.lint.LintSettings;
import io.tributary.lint.SchemaLint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The aggregator's decision, as a pure function: given the last view and every live instance after an event,
 * is there a new view? There is one only when the schema or its routing changed, so heartbeats and re-publishes of
 * the same catalog write nothing. Uses no clock: the time comes with the event.
 */
public final class ViewFold {

    /**
     * Graphs composed whole, and curated, shared by every fold in the process: the aggregator's, replay's and
     * check's trial folds meet the same inputs. Weighed by SDL length: a few graphs at Coursera scale, hundreds of small ones.
     * Only folds with curation rules compose whole; the others compose from pieces ({@link IncrementalComposer}).
     */
    private static final Memo<Composing, ComposedGraph> COMPOSED = new Memo<>(1024, 4_000_000, graph -> graph.sdl().length());
    private static final Memo<Curating, Curated> CURATED = new Memo<>(1024, 4_000_000, curated -> curated.graph().sdl().length());
    /** The changes between two schemas parsed whole, by their hashes: small, so many. */
    private static final Memo<List<String>, List<SchemaChange>> CHANGES = new Memo<>(8192, Long.MAX_VALUE, changes -> 0);
    /** The printed form of the schemas composed from pieces, by hash: the next view's diff reads the last one's from here. */
    private static final Memo<String, PrintedSchema> PRINTED = new Memo<>(64, 8_000_000, schema -> schema.sdl().length());
    /**
     * Graphs composed from pieces, by the catalogs composed: a state of the fleet folded before (an instance back, a
     * rollback, replay meeting the instance sets a log repeats) is answered without assembling, printing or hashing
     * it again. Weighed by SDL length.
     */
    private static final Memo<Catalogs, Optional<PrintedGraph>> ASSEMBLED = new Memo<>(1024, 8_000_000,
            graph -> 100L + graph.map(g -> g.sdl().length()).orElse(0));
    /**
     * Each service's effective catalog, by its live instances, their catalogs recognised by identity (see
     * {@link Catalogs}): a rolling deploy's intersection stays the very same lists while its instances stay, so the
     * graphs composed from it are found again.
     */
    private static final Memo<List<Instance>, EffectiveCatalog> EFFECTIVE = new Memo<>(4096, 4096, catalog -> 1);
    /**
     * Lint findings of the graphs composed from pieces, by the settings and the very graph (one the memo above gave).
     * The key holds the graph, so this is weighed by the graph's SDL as the memo above is: weighed by the findings
     * alone, it kept a thousand Coursera-scale graphs alive and the aggregator ran out of heap loading 70 services.
     */
    private static final Memo<Linting, Linted> LINTED = new Memo<>(1024, 8_000_000, linted -> 100L + linted.graphSize());
    /** The changes between two schemas composed from pieces, by their hashes. */
    private static final Memo<List<String>, List<SchemaChange>> PRINTED_CHANGES = new Memo<>(8192, Long.MAX_VALUE, changes -> 0);

    private final String graph;
    private final CompositionSettings composition;
    private final GraphComposer composer;
    private final IncrementalComposer incrementalComposer;
    /** Whether folds without curation compose from pieces; the whole-graph composition is their specification. */
    private final boolean incremental;
    private final LintSettings lintSettings;
    private final SchemaLint lint;
    private final boolean lintErrorsBlock;

    /**
     * What a composition is made from: the settings and the effective catalogs in priority order, and their schemas'
     * docs, which {@code Resource.equals} cannot see.
     */
    private record Composing(CompositionSettings settings, List<EffectiveCatalog> catalogs, String docs) {
        Composing {
            catalogs = List.copyOf(catalogs);
        }

        Composing(CompositionSettings settings, List<EffectiveCatalog> catalogs) {
            this(settings, catalogs, catalogs.stream().map(c -> SchemaDocs.ofResources(c.resources(), c.operations()))
                    .collect(Collectors.joining("\u0001")));
        }
    }

    /**
     * What curating a composed graph is made from: the graph (all of it the curator reads; many compositions make the
     * same graph), the rules and those already matched.
     */
    private record Curating(String sdl, Routing routing, List<Diagnostic> diagnostics, List<String> failed, List<CurationRule> rules,
                            Set<String> matched) {
        Curating {
            rules = List.copyOf(rules);
            matched = Set.copyOf(matched);
        }
    }

    /**
     * What a composition from pieces is made of: the settings and, in priority order, each service's name, base URLs,
     * resources and operation fields. The lists are compared by identity, not content: the decoder hands every catalog
     * with the same content the very same lists ({@code CatalogDecoder}), so a state folded before is found without
     * comparing resources field by field; equal lists that are not the same only cost a composition.
     */
    private record Catalogs(CompositionSettings settings, List<Part> parts) {
        static Catalogs of(CompositionSettings settings, List<EffectiveCatalog> catalogs) {
            return new Catalogs(settings, catalogs.stream()
                    .map(c -> new Part(c.service(), c.baseUrls(), new Identity(c.resources()), new Identity(c.operations()))).toList());
        }
    }

    /** One service's part of {@link Catalogs}. */
    private record Part(String service, List<String> baseUrls, Identity resources, Identity operations) {
    }

    /** All {@link EffectiveCatalog#of} reads of one live instance. */
    private record Instance(String service, String instanceId, String version, String baseUrl, Identity resources, Identity operations) {
        Instance(ServiceCatalog catalog) {
            this(catalog.service(), catalog.instanceId(), catalog.serviceVersion(), catalog.baseUrl(), new Identity(catalog.resources()),
                    new Identity(catalog.operations()));
        }
    }

    /** What linting a graph composed from pieces depends on. */
    private record Linting(LintSettings settings, Identity graph) {
    }

    /** A graph's lint findings, and the size of the graph its key holds. */
    private record Linted(List<Diagnostic> findings, int graphSize) {
    }

    /** A curated graph and its hash. */
    private record Curated(ComposedGraph graph, String hash) {
    }

    /**
     * A graph composed (and curated) for one fold, whichever way: the catalogs after quarantine, the diagnostics of
     * quarantine and of composition, the services that failed to compose first, and how to lint it and diff it.
     */
    private record Composed(List<EffectiveCatalog> effective, List<Diagnostic> quarantine, String sdl, String hash, Routing routing,
                            List<Diagnostic> diagnostics, List<String> failed, Supplier<List<Diagnostic>> lint,
                            Function<SchemaView, List<SchemaChange>> changesSince) {
    }

    public ViewFold(String graph, CompositionSettings composition, LintSettings lint) {
        this(graph, composition, lint, true);
    }

    private ViewFold(String graph, CompositionSettings composition, LintSettings lint, boolean incremental) {
        this.graph = graph;
        this.composition = composition;
        this.composer = new GraphComposer(composition);
        this.incrementalComposer = new IncrementalComposer(composition);
        this.incremental = incremental;
        this.lintSettings = lint;
        this.lint = new SchemaLint(lint);
        this.lintErrorsBlock = lint.errorsBlockViews();
    }

    public ViewFold(String graph) {
        this(graph, CompositionSettings.DEFAULT, LintSettings.DEFAULT);
    }

    /** A fold that composes every graph whole, as the specification the incremental fold is tested against. */
    static ViewFold fromScratch(String graph, CompositionSettings composition, LintSettings lint) {
        return new ViewFold(graph, composition, lint, false);
    }

    /** Folds without memory: for a first view, or callers that keep no state between events. */
    public Optional<SchemaView> next(Optional<SchemaView> last, Collection<ServiceCatalog> live, Cause cause, Instant at) {
        return next(last, live, FoldState.EMPTY, cause, at).view();
    }

    /**
     * Folds the live instances after an event into the next view. Services compose in the order they first
     * appeared (ever: a service that leaves and returns keeps its place), so an earlier claim to a name keeps it; a service whose catalog cannot be composed at all is
     * quarantined and keeps serving its last good catalog.
     */
    public FoldStep next(Optional<SchemaView> last, Collection<ServiceCatalog> live, FoldState state, Cause cause, Instant at) {
        return next(last, live, state, List.of(), cause, at);
    }

    /** Folds as above, with the platform team's curation rules laid over the composed graph. */
    public FoldStep next(Optional<SchemaView> last, Collection<ServiceCatalog> live, FoldState state, List<CurationRule> curation,
                         Cause cause, Instant at) {
        Map<String, List<ServiceCatalog>> byService = byService(live);
        Map<String, Long> firstSeen = new HashMap<>(state.firstSeen());
        byService.keySet().forEach(s -> firstSeen.putIfAbsent(s, cause.offset()));
        List<EffectiveCatalog> effective = byService.values().stream().map(ViewFold::effective)
                .sorted(Comparator.comparing((EffectiveCatalog c) -> firstSeen.get(c.service())).thenComparing(EffectiveCatalog::service))
                .toList();
        Composed composed = (incremental && curation.isEmpty() ? composeIncrementally(effective, state) : Optional.<Composed>empty())
                .orElseGet(() -> composeFromScratch(effective, state, curation));
        // Remembered even while a service has no live instance: a deploy that replaces its only instance with a
        // broken one still has a good catalog to fall back on.
        Map<String, List<Resource>> lastGood = new HashMap<>(state.lastGood());
        Map<String, List<OperationField>> lastGoodOperations = new HashMap<>(state.lastGoodOperations());
        for (EffectiveCatalog catalog : composed.effective()) {
            lastGood.put(catalog.service(), catalog.resources());
            lastGoodOperations.put(catalog.service(), catalog.operations());
        }
        FoldState nextState = new FoldState(firstSeen, lastGood, lastGoodOperations);

        List<Diagnostic> lintFindings = composed.lint().get();
        List<Diagnostic> diagnostics = new ArrayList<>(composed.quarantine());
        diagnostics.addAll(composed.diagnostics());
        diagnostics.addAll(lintFindings);
        List<ServiceState> services = composed.effective().stream()
                .map(c -> new ServiceState(c.service(), c.status(), c.instances()))
                .sorted(Comparator.comparing(ServiceState::service))
                .toList();
        if (last.isPresent() && unchanged(last.get(), composed, services, diagnostics)) {
            return new FoldStep(Optional.empty(), nextState);
        }
        List<Diagnostic> lintErrors = lintFindings.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        if (lintErrorsBlock && !lintErrors.isEmpty()) {
            return new FoldStep(Optional.empty(), state, lintErrors);
        }
        long version = last.map(SchemaView::version).orElse(0L) + 1;
        List<SchemaChange> changes = last.map(previous -> composed.changesSince().apply(previous)).orElse(List.of());
        return new FoldStep(Optional.of(new SchemaView(graph, version, composed.hash(), at, composed.sdl(), composed.routing(),
                services, diagnostics, composed.failed(), changes, cause)), nextState);
    }

    /**
     * The graph of these catalogs from its remembered pieces (see {@link IncrementalComposer}); empty when a piece is
     * not valid on its own, which the full composition reports as it always did.
     */
    private Optional<Composed> composeIncrementally(List<EffectiveCatalog> catalogs, FoldState state) {
        List<EffectiveCatalog> effective = catalogs;
        Optional<PrintedGraph> printed = assemble(effective);
        if (printed.isEmpty()) {
            return Optional.empty();
        }
        List<Diagnostic> quarantine = new ArrayList<>();
        List<String> failed = printed.get().failedServices();
        if (!failed.isEmpty()) {
            printed.get().diagnostics().stream().filter(d -> d.is(Diagnostic.Code.UNCOMPOSABLE)).forEach(quarantine::add);
            effective = quarantine(effective, failed, state, quarantine);
            printed = assemble(effective);
            if (printed.isEmpty()) {
                return Optional.empty();
            }
        }
        PrintedGraph composed = printed.get();
        String hash = composed.hash();
        PRINTED.get(hash, h -> composed.schema());
        return Optional.of(new Composed(effective, quarantine, composed.sdl(), hash, composed.routing(), composed.diagnostics(), failed,
                () -> LINTED.get(new Linting(lintSettings, new Identity(composed)),
                        key -> new Linted(lint.check(composed.schema(), composed.routing()), composed.sdl().length())).findings(),
                previous -> PRINTED.find(previous.hash())
                        .map(before -> PRINTED_CHANGES.get(List.of(previous.hash(), hash), key -> SchemaChanges.between(before, composed.schema())))
                        .orElseGet(() -> changes(previous, composed.sdl(), hash))));
    }

    /** The graph of these catalogs from pieces, as {@link IncrementalComposer} composes it (remembered). */
    private Optional<PrintedGraph> assemble(List<EffectiveCatalog> catalogs) {
        return ASSEMBLED.get(Catalogs.of(composition, catalogs), key -> incrementalComposer.compose(catalogs));
    }

    /** The graph composed whole by {@link GraphComposer}, curated, as a built schema. */
    private Composed composeFromScratch(List<EffectiveCatalog> catalogs, FoldState state, List<CurationRule> curation) {
        Curator curator = new Curator(curation);
        Set<String> matchedRules = new HashSet<>();
        List<EffectiveCatalog> effective = catalogs;
        Composing composing = new Composing(composition, curator.withAddedRelations(effective, matchedRules));
        ComposedGraph composed = compose(composing);
        List<Diagnostic> quarantine = new ArrayList<>();
        List<String> failed = composed.failedServices();
        if (!failed.isEmpty()) {
            composed.diagnostics().stream().filter(d -> d.is(Diagnostic.Code.UNCOMPOSABLE)).forEach(quarantine::add);
            effective = quarantine(effective, failed, state, quarantine);
            composing = new Composing(composition, curator.withAddedRelations(effective, matchedRules));
            composed = compose(composing);
        }
        ComposedGraph uncurated = composed;
        Curated curated = CURATED.get(new Curating(composed.sdl(), composed.routing(), composed.diagnostics(), composed.failedServices(),
                curation, matchedRules), key -> {
            ComposedGraph graph = curator.apply(uncurated, new HashSet<>(key.matched()));
            return new Curated(graph, graph.hash());
        });
        ComposedGraph graph = curated.graph();
        return new Composed(effective, quarantine, graph.sdl(), curated.hash(), graph.routing(), graph.diagnostics(), failed,
                () -> lint.check(graph.schema(), graph.routing()),
                previous -> changes(previous, graph.sdl(), curated.hash()));
    }

    /** The changes between the SDLs of two views, both parsed whole (remembered: replay and check meet them again). */
    private static List<SchemaChange> changes(SchemaView previous, String sdl, String hash) {
        return CHANGES.get(List.of(previous.hash(), hash), hashes -> SchemaChanges.between(previous.sdl(), sdl));
    }

    private ComposedGraph compose(Composing composing) {
        return COMPOSED.get(composing, key -> composer.compose(key.catalogs()));
    }

    /** Puts each failed service back on its last good catalog, or takes it out of the graph if it never composed. */
    private static List<EffectiveCatalog> quarantine(List<EffectiveCatalog> effective, List<String> failed, FoldState state,
                                                     List<Diagnostic> diagnostics) {
        List<EffectiveCatalog> kept = new ArrayList<>();
        for (EffectiveCatalog catalog : effective) {
            if (!failed.contains(catalog.service())) {
                kept.add(catalog);
                continue;
            }
            List<Resource> good = state.lastGood().getOrDefault(catalog.service(), List.of());
            List<OperationField> goodOperations = state.lastGoodOperations().getOrDefault(catalog.service(), List.of());
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, Diagnostic.Code.QUARANTINED, "the catalog of " + catalog.service()
                    + " cannot be composed; " + (good.isEmpty() && goodOperations.isEmpty() ? "it stays out of the graph until it can"
                    : "its last good catalog keeps serving"), catalog.service()));
            kept.add(new EffectiveCatalog(catalog.service(), ServiceStatus.QUARANTINED, catalog.instances(), good,
                    goodOperations));
        }
        return kept;
    }

    private static boolean unchanged(SchemaView last, Composed composed, List<ServiceState> services, List<Diagnostic> diagnostics) {
        return last.hash().equals(composed.hash())
                && last.routing().equals(composed.routing())
                && last.services().equals(services)
                && last.diagnostics().equals(diagnostics);
    }

    private static EffectiveCatalog effective(List<ServiceCatalog> instances) {
        return EFFECTIVE.get(instances.stream().map(Instance::new).toList(), key -> EffectiveCatalog.of(instances));
    }

    private static Map<String, List<ServiceCatalog>> byService(Collection<ServiceCatalog> live) {
        return live.stream().collect(Collectors.groupingBy(ServiceCatalog::service, TreeMap::new, Collectors.toList()));
    }
}
