package io.tributary.usage;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.view.CandidateDeploy;
import io.tributary.view.LogReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The check of a candidate deploy of one service, shared by {@code tributary check} and the console's check page so
 * both say the same: fold the deploy onto a copy of the live fold, judge it against the operations of the usage
 * window, and report the verdict as one document (what {@code check --json} prints and the console's API answers).
 *
 * @param usageDays how many days back the operations clients sent count
 */
public record DeployCheck(String service, List<Resource> resources, List<OperationField> operations, int usageDays) {

    public DeployCheck {
        if (usageDays < 1) {
            throw new IllegalArgumentException("the usage window must be at least 1 day, was " + usageDays);
        }
        resources = List.copyOf(resources);
        operations = List.copyOf(operations);
    }

    /** Judges the deploy onto the live fold (left as it is), against the operations of the window ending {@code now}. */
    public UsageVerdict judge(LogReplay live, UsageWindow usage, Instant now) {
        return judge(live, usage.totals(now, Duration.ofDays(usageDays)), now);
    }

    /** Judges the deploy onto the live fold (left as it is), against the operations seen in the window. */
    public UsageVerdict judge(LogReplay live, List<OperationTotal> seen, Instant now) {
        return UsageVerdict.of(CandidateDeploy.of(service, resources, operations, now).onto(live), seen);
    }

    /**
     * The verdict as one document of maps and lists: the exit code, composition errors, lint, blocking lint, classified
     * changes and the seen operations it breaks with their clients; {@code usageKnown} says whether there was usage to
     * judge with at all.
     */
    public Map<String, Object> document(UsageVerdict verdict, boolean usageKnown) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("service", service);
        document.put("exitCode", verdict.kind().exitCode());
        document.put("verdict", verdict.kind().name());
        document.put("viewVersion", verdict.deploy().before().map(v -> v.version()).orElse(null));
        document.put("errors", verdict.deploy().errors().stream().map(DeployCheck::diagnostic).toList());
        document.put("lint", verdict.deploy().lint().stream().map(DeployCheck::diagnostic).toList());
        document.put("blockedBy", verdict.deploy().blockedBy().stream().map(DeployCheck::diagnostic).toList());
        document.put("changes", verdict.deploy().changes().stream().map(c -> Map.of("level", c.level().name(), "category", c.category(),
                "coordinate", c.coordinate(), "message", c.message())).toList());
        document.put("usageDays", usageDays);
        document.put("usageKnown", usageKnown);
        document.put("operationsSeen", verdict.seen().size());
        document.put("brokenOperations", verdict.broken().stream().map(DeployCheck::broken).toList());
        document.put("summary", summary(verdict));
        return document;
    }

    /** One sentence that says what the verdict means, naming the operations it breaks and their clients. */
    public String summary(UsageVerdict verdict) {
        return switch (verdict.kind()) {
            case SAFE -> "Safe to deploy.";
            case BREAKING -> verdict.broken().isEmpty()
                    ? "Deploying this breaks clients (no operation seen in the last " + days() + " to tell which)."
                    : "Deploying this breaks clients: " + verdict.broken().size() + " operation(s) sent in the last " + days() + ": "
                    + verdict.broken().stream().map(b -> name(b.operation()) + " (" + clients(b.operation()) + ")")
                    .collect(Collectors.joining(", ")) + ".";
            case SAFE_IN_PRACTICE -> "Breaking changes, but no operation clients sent in the last " + days()
                    + " uses what they change: safe in practice.";
            case NOT_COMPOSABLE -> "This catalog cannot be composed into the graph.";
            case BLOCKED -> "Lint errors would keep the graph with this catalog from being served (the aggregator's lint errors block).";
        };
    }

    /** An operation as operators read it: its name, or {@code (anonymous)}. */
    public static String name(OperationTotal operation) {
        return operation.name().isEmpty() ? "(anonymous)" : operation.name();
    }

    /** The clients that sent an operation, most executions first. */
    public static String clients(OperationTotal operation) {
        return operation.clients().stream().map(c -> c.label() + " ×" + c.count()).collect(Collectors.joining(", "));
    }

    private String days() {
        return usageDays == 1 ? "day" : usageDays + " days";
    }

    /** A seen operation a change breaks, as the document lists it: name, hash, count, clients, reasons and its text. */
    public static Map<String, Object> broken(UsageImpact.BrokenOperation broken) {
        OperationTotal operation = broken.operation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", operation.name());
        json.put("hash", operation.hash());
        json.put("count", operation.count());
        json.put("clients", operation.clients().stream().map(c -> Map.of("client", c.client(), "version", c.version(), "count", c.count()))
                .toList());
        json.put("reasons", broken.reasons());
        json.put("document", operation.document());
        return json;
    }

    private static Map<String, String> diagnostic(Diagnostic d) {
        return Map.of("severity", d.severity().name(), "code", d.code(), "where", d.where(), "message", d.message());
    }
}
