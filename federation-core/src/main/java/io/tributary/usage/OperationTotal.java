package io.tributary.usage;

import java.util.List;

/**
 * One operation's usage added up over a window, across gateways and intervals: what it is (as last reported), how
 * often it ran and failed, who sent it, and how long it took.
 *
 * @param clients each client (name and version) that sent it, most executions first
 */
public record OperationTotal(String hash, String name, String document, List<String> coordinates, long count, long errors,
                             List<ClientTotal> clients, List<Long> latency) {
    public OperationTotal {
        coordinates = List.copyOf(coordinates);
        clients = List.copyOf(clients);
        latency = List.copyOf(latency);
    }

    /** One client's executions of the operation over the window. */
    public record ClientTotal(String client, String version, long count, long errors) {
        /** The client as operators read it: {@code name@version}, or {@code (unnamed)} for requests without the headers. */
        public String label() {
            String name = client.isEmpty() ? "(unnamed)" : client;
            return version.isEmpty() ? name : name + "@" + version;
        }
    }
}
