package io.tributary.cli.ops;

import io.tributary.avro.RecordReplay;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.LogEvent;
import io.tributary.view.LogFold;
import io.tributary.view.SchemaView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deploy that {@code check} folds onto the log without publishing it: every live instance of the service leaves and
 * one instance serving the candidate catalog takes their place, as the events would reach the aggregator after the
 * last one in the log. Folded by the one fold, on the live fold state (who claimed which name first included).
 *
 * @param candidate the instance that would publish the candidate catalog
 * @param at        when the deploy would happen
 */
record CandidateDeploy(ServiceCatalog candidate, Instant at) {
    static final String INSTANCE_ID = "check";
    /** The topic the trial events name as their cause: they are not in any topic. */
    private static final String TOPIC = "check";

    static CandidateDeploy of(String service, List<Resource> resources, Instant at) {
        return new CandidateDeploy(new ServiceCatalog(service, INSTANCE_ID, "candidate", at, "http://candidate.invalid", 30_000,
                resources), at);
    }

    /** The view the aggregator would make after the deploy, or empty when the graph would not change. */
    Optional<SchemaView> onto(RecordReplay live) {
        RecordReplay trial = live.copy();
        Optional<SchemaView> before = trial.current();
        for (ServiceCatalog instance : trial.liveInstances()) {
            if (instance.service().equals(candidate.service())) {
                trial.append(new LogEvent.Retracted(instance.instanceKey(), false), TOPIC, at);
            }
        }
        LogFold.Outcome outcome = trial.append(new LogEvent.Published(candidate.instanceKey(), candidate), TOPIC, at);
        if (outcome instanceof LogFold.Outcome.Failed failed) {
            throw failed.error();
        }
        return trial.current().equals(before) ? Optional.empty() : trial.current();
    }

}
