package io.tributary.view;

import io.tributary.fold.LiveInstance;
import io.tributary.fold.ServiceStatus;
import java.util.List;

/** A service as one view saw it: its status and its live instances. */
public record ServiceState(String service, ServiceStatus status, List<LiveInstance> instances) {
    public ServiceState {
        instances = List.copyOf(instances);
    }
}
