package io.tributary.aggregator.console;

import io.tributary.catalog.InvalidCatalogException;
import io.tributary.curation.CurationRule;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.diff.SchemaChange;
import io.tributary.diff.SchemaChanges;
import io.tributary.fold.LiveInstance;
import io.tributary.status.GatewayStatus;
import io.tributary.usage.DeployCheck;
import io.tributary.usage.OperationTotal;
import io.tributary.usage.UsageImpact;
import io.tributary.usage.UsageVerdict;
import io.tributary.usage.UsageWindow;
import io.tributary.view.Blame;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each page of the console shows, computed from the {@link ConsoleState} at the moment it is asked: plain
 * records the API writes as JSON. The logic the operator commands share (blame, deploys, diffs) comes from the core.
 */
final class ConsolePages {
    /** A gateway whose last report is older counts as silent: three of its default report intervals, as status and drift say. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(30);
    /** The window of the usage page and of the operations a past view broke: the week before, as {@code check}'s default. */
    static final Duration USAGE_WINDOW = Duration.ofDays(7);
    /** The most rows each list of the usage page shows. */
    static final int USAGE_ROWS = 50;

    private final ConsoleState state;

    ConsolePages(ConsoleState state) {
        this.state = state;
    }

    record Instance(String instanceId, String version, String baseUrl, String state, Long leaseAgeMillis, Long leaseMillis) {
    }

    record Service(String service, String status, List<Instance> instances, List<Diagnostic> diagnostics) {
    }

    record Expired(String instance, String version, String expiredAt, long viewVersion) {
    }

    record Services(String graph, Long version, List<Service> services, List<Expired> expired, List<Diagnostic> graphDiagnostics) {
    }

    /** Services, their instances with lease ages and states, their diagnostics, and instances whose lease ran out. */
    Services services(Instant now) {
        Optional<SchemaView> latest = state.latest();
        if (latest.isEmpty()) {
            return new Services(state.graph(), null, List.of(), List.of(), List.of());
        }
        SchemaView view = latest.get();
        List<Service> services = new ArrayList<>();
        for (ServiceState service : view.services()) {
            String instanceState = view.failedServices().contains(service.service()) ? "quarantined"
                    : service.status().name().equals("ROLLING") ? "rolling" : "live";
            List<Instance> instances = new ArrayList<>();
            for (LiveInstance instance : service.instances()) {
                Optional<ConsoleState.Lease> lease = state.lease(service.service() + "/" + instance.instanceId());
                instances.add(new Instance(instance.instanceId(), instance.serviceVersion(), instance.baseUrl(), instanceState,
                        lease.map(l -> Math.max(0, Duration.between(l.renewedAt(), now).toMillis())).orElse(null),
                        lease.map(ConsoleState.Lease::leaseMillis).orElse(null)));
            }
            services.add(new Service(service.service(), service.status().name(), instances, view.diagnostics().stream()
                    .filter(d -> ownedBy(d, service.service())).toList()));
        }
        List<Diagnostic> graphDiagnostics = view.diagnostics().stream()
                .filter(d -> view.services().stream().noneMatch(s -> ownedBy(d, s.service()))).toList();
        return new Services(state.graph(), view.version(), services, expired(state.historyWithoutSdl()), graphDiagnostics);
    }

    private static boolean ownedBy(Diagnostic diagnostic, String service) {
        return diagnostic.where().equals(service) || diagnostic.where().startsWith(service + ":");
    }

    /** Instances whose last event was a lease expiry: they crashed, or lost Kafka, and have not come back. */
    private static List<Expired> expired(List<SchemaView> history) {
        Map<String, Expired> expired = new LinkedHashMap<>();
        SchemaView previous = null;
        for (SchemaView view : history) {
            String key = view.cause().key();
            if (view.cause().kind() == Cause.EventKind.EXPIRED) {
                expired.put(key, new Expired(key, Blame.deploy(view, previous), view.composedAt().toString(), view.version()));
            } else if (view.cause().kind() == Cause.EventKind.PUBLISHED || view.cause().kind() == Cause.EventKind.RETRACTED) {
                expired.remove(key);
            }
            previous = view;
        }
        return List.copyOf(expired.values()).reversed();
    }

    record Change(String level, String category, String coordinate, String message) {
        static Change of(SchemaChange change) {
            return new Change(change.level().name(), change.category(), change.coordinate(), change.message());
        }
    }

    record TimelineEntry(long version, String composedAt, String hash, String cause, String key, String topic, long offset,
                         String deploy, long breaking, long dangerous, long safe, List<Change> changes, List<Operation> broke) {
    }

    /** Every view, newest first, with its cause, the deploy it was about, its classified changes, and the operations it broke. */
    List<TimelineEntry> timeline() {
        List<TimelineEntry> entries = new ArrayList<>();
        SchemaView previous = null;
        for (SchemaView view : state.history()) {
            entries.add(new TimelineEntry(view.version(), view.composedAt().toString(), view.hash().substring(0, 12),
                    view.cause().kind().name(), view.cause().key(), view.cause().topic(), view.cause().offset(),
                    Blame.deploy(view, previous), count(view, SchemaChange.Level.BREAKING), count(view, SchemaChange.Level.DANGEROUS),
                    count(view, SchemaChange.Level.SAFE), view.changes().stream().map(Change::of).toList(), broke(previous, view)));
            previous = view;
        }
        return entries.reversed();
    }

    /** The operations gateways reported in the week before a breaking view that it broke. */
    private List<Operation> broke(SchemaView previous, SchemaView view) {
        if (previous == null || view.changes().stream().noneMatch(c -> c.level() == SchemaChange.Level.BREAKING)) {
            return List.of();
        }
        List<OperationTotal> seen = state.usage(view.composedAt().minus(USAGE_WINDOW), view.composedAt());
        return UsageImpact.broken(previous.sdl(), view.sdl(), seen).stream().map(b -> Operation.of(b.operation())).toList();
    }

    record Client(String client, String version, long count, long errors) {
    }

    record Operation(String name, String hash, String document, long count, long errors, List<Client> clients) {
        static Operation of(OperationTotal o) {
            return new Operation(o.name(), o.hash().substring(0, Math.min(12, o.hash().length())), o.document(), o.count(), o.errors(),
                    o.clients().stream().map(c -> new Client(c.client(), c.version(), c.count(), c.errors())).toList());
        }
    }

    record Field(String coordinate, long count) {
    }

    record Usage(int days, long executions, List<Operation> operations, List<Field> fields, List<Client> clients, List<String> unused,
                 int unusedTotal) {
    }

    /**
     * The last week's usage: the most executed operations and fields, the clients, and the latest view's fields no
     * operation used (each list cut at {@value #USAGE_ROWS} rows).
     */
    Usage usage(Instant now) {
        List<OperationTotal> operations = state.usage(now.minus(USAGE_WINDOW), now);
        Map<Client, long[]> clients = new LinkedHashMap<>();
        operations.forEach(o -> o.clients().forEach(c -> {
            long[] counts = clients.computeIfAbsent(new Client(c.client(), c.version(), 0, 0), k -> new long[2]);
            counts[0] += c.count();
            counts[1] += c.errors();
        }));
        List<Client> clientRows = clients.entrySet().stream()
                .map(e -> new Client(e.getKey().client(), e.getKey().version(), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong(Client::count).reversed().thenComparing(Client::client)).limit(USAGE_ROWS).toList();
        List<Field> fields = UsageWindow.fieldCounts(operations).entrySet().stream().filter(e -> !e.getKey().contains("("))
                .limit(USAGE_ROWS).map(e -> new Field(e.getKey(), e.getValue())).toList();
        List<String> unused = state.latest().map(v -> UsageWindow.unused(UsageImpact.fieldCoordinates(v.sdl()), operations)).orElse(List.of());
        return new Usage((int) USAGE_WINDOW.toDays(), operations.stream().mapToLong(OperationTotal::count).sum(),
                operations.stream().limit(USAGE_ROWS).map(Operation::of).toList(), fields, clientRows,
                unused.stream().limit(USAGE_ROWS).toList(), unused.size());
    }

    private static long count(SchemaView view, SchemaChange.Level level) {
        return view.changes().stream().filter(c -> c.level() == level).count();
    }

    record Diff(long from, long to, List<Change> changes, List<SdlDiff.Row> rows) {
    }

    /** Two versions' SDL side by side, and the classified changes from the first to the second. */
    Optional<Diff> diff(long from, long to) {
        Optional<SchemaView> left = state.version(from);
        Optional<SchemaView> right = state.version(to);
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        String oldSdl = left.get().sdl();
        String newSdl = right.get().sdl();
        return Optional.of(new Diff(from, to, SchemaChanges.between(oldSdl, newSdl).stream().map(Change::of).toList(),
                SdlDiff.rows(oldSdl, newSdl)));
    }

    record Schema(Long version, List<SchemaExplorer.TypeInfo> types) {
    }

    /** The latest view's types and fields, with descriptions, owners and REST operations. */
    Schema schema() {
        return state.latest().map(v -> new Schema(v.version(), SchemaExplorer.types(v))).orElse(new Schema(null, List.of()));
    }

    record BlameEntry(long version, String composedAt, String what, String event, String key, String deploy, long offset) {
    }

    /** The views that introduced, changed and removed a type or field. */
    List<BlameEntry> blame(String coordinate) {
        return Blame.of(state.history(), coordinate).stream().map(e -> new BlameEntry(e.version(), e.composedAt().toString(),
                e.what(), e.kind().name(), e.key(), e.deploy(), e.offset())).toList().reversed();
    }

    record Gateway(String gateway, String graph, long version, long behind, String hash, String appliedAt, long lagMillis,
                   int brokenOperations, List<BrokenOperation> namedBrokenOperations, int skippedOperations, long refusedVersion,
                   String refusedReason, String connection, String reportedAt, long sinceReportMillis, boolean silent) {
    }

    /** An operation a gateway's served view breaks, with the clients usage reports say sent it in the last week. */
    record BrokenOperation(String name, String hash, String excerpt, String reason, List<Client> clients) {
    }

    record Gateways(Long latest, List<Gateway> gateways) {
    }

    /** Every gateway of the graph, by its last report: what it serves, how far behind, what it refused, whether it still reports. */
    Gateways gateways(Instant now) {
        long latest = state.latest().map(SchemaView::version).orElse(0L);
        List<Gateway> gateways = new ArrayList<>();
        Map<String, List<Client>> clientsByHash = state.gateways().stream().anyMatch(g -> !g.namedBrokenOperations().isEmpty())
                ? clientsByHash(now) : Map.of();
        for (GatewayStatus g : state.gateways()) {
            if (!g.graph().equals(state.graph())) {
                continue;
            }
            Duration since = Duration.between(g.reportedAt(), now);
            since = since.isNegative() ? Duration.ZERO : since;
            gateways.add(new Gateway(g.gatewayId(), g.graph(), g.viewVersion(), Math.max(0, latest - g.viewVersion()),
                    g.hash().length() > 12 ? g.hash().substring(0, 12) : g.hash(), g.appliedAt().toString(), g.lagMillis(),
                    g.brokenOperations(), g.namedBrokenOperations().stream().map(b -> new BrokenOperation(b.name(),
                            b.hash().substring(0, Math.min(12, b.hash().length())), b.excerpt(), b.reason(),
                            clientsByHash.getOrDefault(b.hash(), List.of()))).toList(),
                    g.skippedOperations(), g.refusedVersion(), g.refusedReason(), g.connection().name(),
                    g.reportedAt().toString(), since.toMillis(), since.compareTo(SILENT_AFTER) > 0));
        }
        return new Gateways(state.latest().map(SchemaView::version).orElse(null), gateways);
    }

    /** Who sent each operation in the last week, by signature hash. */
    private Map<String, List<Client>> clientsByHash(Instant now) {
        Map<String, List<Client>> clients = new HashMap<>();
        state.usage(now.minus(USAGE_WINDOW), now).forEach(o -> clients.put(o.hash(), Operation.of(o).clients()));
        return clients;
    }

    /** The latest rejected events, newest first. */
    List<ConsoleState.Rejected> rejected() {
        return state.rejected();
    }

    record CuratedView(long version, String composedAt, List<Change> changes) {
    }

    record Rule(String id, String kind, String target, String value, boolean active, List<CuratedView> views) {
    }

    /** The curation rules in force, and removed ones the history remembers, each with the views its changes made. */
    List<Rule> curation() {
        Map<String, List<CuratedView>> viewsByRule = new LinkedHashMap<>();
        for (SchemaView view : state.historyWithoutSdl()) {
            if (view.cause().kind() == Cause.EventKind.CURATED) {
                viewsByRule.computeIfAbsent(view.cause().key(), k -> new ArrayList<>()).add(new CuratedView(view.version(),
                        view.composedAt().toString(), view.changes().stream().map(Change::of).toList()));
            }
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, CurationRule> active = state.rules();
        active.forEach((id, rule) -> rules.add(rule(id, rule, viewsByRule.getOrDefault(id, List.of()))));
        viewsByRule.forEach((id, views) -> {
            if (!active.containsKey(id)) {
                rules.add(new Rule(id, "", "", "", false, views));
            }
        });
        return rules;
    }

    private static Rule rule(String id, CurationRule rule, List<CuratedView> views) {
        return switch (rule) {
            case CurationRule.RenameType r -> new Rule(id, "rename type", r.type(), r.newName(), true, views);
            case CurationRule.RenameField r -> new Rule(id, "rename field", r.coordinate(), r.newName(), true, views);
            case CurationRule.Hide r -> new Rule(id, "hide", r.coordinate(), "", true, views);
            case CurationRule.Describe r -> new Rule(id, "describe", r.coordinate(), r.description(), true, views);
            case CurationRule.Deprecate r -> new Rule(id, "deprecate", r.coordinate(), r.reason(), true, views);
            case CurationRule.AddRelation r -> new Rule(id, "add relation", r.resource() + "." + r.relation().field(),
                    r.relation().target(), true, views);
        };
    }

    /**
     * What deploying the proposed catalog would do, as {@code tributary check --json} says it: folded onto a copy of
     * the console's fold of the catalog log, judged by the operations gateways reported in the request's window. An
     * OpenAPI document's mapping report comes along as {@code mapping}.
     */
    Map<String, Object> check(CheckRequest request, Instant now) {
        ProposedCatalog proposed = ProposedCatalog.read(request);
        DeployCheck check = new DeployCheck(request.service(), proposed.resources(), proposed.operations(), request.usageDays());
        UsageVerdict verdict;
        try {
            verdict = check.judge(state.fold(), state.usage(now.minus(Duration.ofDays(request.usageDays())), now), now);
        } catch (InvalidCatalogException e) {
            throw new ApiError(400, "the catalog is not valid for service '" + request.service() + "': " + e.getMessage());
        }
        Map<String, Object> document = new LinkedHashMap<>(check.document(verdict, state.usageKnown()));
        proposed.mapping().ifPresent(mapping -> document.put("mapping", mapping));
        return document;
    }
}
