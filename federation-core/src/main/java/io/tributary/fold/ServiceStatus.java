package io.tributary.fold;

/** How a service's live instances relate: all on one catalog, mixed during a deploy or rollback, or not composable. */
public enum ServiceStatus { STABLE, ROLLING, QUARANTINED }
