package io.tributary.view;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deploy that {@code check} folds onto the log without publishing it: every live instance of the service leaves and
 * one instance serving the candidate catalog takes their place, as the events would reach the aggregator after the
 * last one in the log. Folded by the one fold, on a copy of the live fold state (who claimed which name first
 * included), so the verdict is what the aggregator would do with the same events.
 *
 * @param candidate the instance that would publish the candidate catalog
 * @param at        when the deploy would happen
 */
public record CandidateDeploy(ServiceCatalog candidate, Instant at) {
    /** The instance id of the candidate instance. */
    public static final String INSTANCE_ID = "check";
    /** The topic the trial events name as their cause: they are not in any topic. */
    static final String TOPIC = "check";

    public static CandidateDeploy of(String service, List<Resource> resources, List<OperationField> operations, Instant at) {
        return new CandidateDeploy(new ServiceCatalog(service, INSTANCE_ID, "candidate", at, "http://candidate.invalid", 30_000,
                resources, operations), at);
    }

    /** The deploy as events of the log, in order, given the live instances: the service's instances leave, the candidate publishes. */
    public List<LogEvent> events(List<ServiceCatalog> live) {
        List<LogEvent> events = new ArrayList<>();
        for (ServiceCatalog instance : live) {
            if (instance.service().equals(candidate.service())) {
                events.add(new LogEvent.Retracted(instance.instanceKey(), false));
            }
        }
        events.add(new LogEvent.Published(candidate.instanceKey(), candidate));
        return events;
    }

    /** What the aggregator would do after the log so far, if the deploy happened now; the live replay is left as it is. */
    public DeployVerdict onto(LogReplay live) {
        LogReplay trial = live.copy();
        Optional<SchemaView> before = trial.current();
        LogFold.Outcome outcome = new LogFold.Outcome.Unchanged();
        for (LogEvent event : events(trial.liveInstances())) {
            outcome = trial.append(event, TOPIC, at);
            if (outcome instanceof LogFold.Outcome.Failed failed) {
                throw failed.error();
            }
        }
        Optional<SchemaView> next = trial.current().equals(before) ? Optional.empty() : trial.current();
        return DeployVerdict.of(candidate.service(), before, next,
                outcome instanceof LogFold.Outcome.Blocked blocked ? blocked.lintErrors() : List.of());
    }
}
