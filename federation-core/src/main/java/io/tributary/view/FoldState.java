package io.tributary.view;

import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import java.util.List;
import java.util.Map;

/**
 * What the fold remembers besides the live instances: when each service first appeared (the first claim to a name
 * wins) and each service's last catalog that composed, its resources and its operation fields (what a quarantined
 * service keeps serving).
 */
public record FoldState(Map<String, Long> firstSeen, Map<String, List<Resource>> lastGood,
                        Map<String, List<OperationField>> lastGoodOperations) {

    public static final FoldState EMPTY = new FoldState(Map.of(), Map.of(), Map.of());

    public FoldState {
        firstSeen = Map.copyOf(firstSeen);
        lastGood = Map.copyOf(lastGood);
        lastGoodOperations = Map.copyOf(lastGoodOperations);
    }
}
