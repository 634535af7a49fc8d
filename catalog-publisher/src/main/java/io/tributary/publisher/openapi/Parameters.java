package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters an operation takes: its path item's and its own (which win), with their {@code $ref}s followed. */
final class Parameters {
    private Parameters() {
    }

    static List<Parameter> of(PathItem item, Operation operation, Components components) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (List<Parameter> declared : Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (declared != null) {
                for (Parameter parameter : declared) {
                    Parameter resolved = components.parameter(parameter);
                    byKey.put(resolved.getIn() + " " + resolved.getName(), resolved);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
