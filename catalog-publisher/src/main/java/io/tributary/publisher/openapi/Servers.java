package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.util.List;
import java.util.Map;

/** The path of a document's first server URL ({@code https://api.example.com/api/v3} → {@code /api/v3}), variables filled with their defaults. */
final class Servers {
    private Servers() {
    }

    static String basePath(OpenAPI document) {
        List<Server> servers = document.getServers();
        if (servers == null || servers.isEmpty() || servers.getFirst().getUrl() == null) {
            return "";
        }
        Server server = servers.getFirst();
        String url = server.getUrl();
        if (server.getVariables() != null) {
            for (Map.Entry<String, ServerVariable> variable : server.getVariables().entrySet()) {
                String value = variable.getValue().getDefault() == null ? "" : variable.getValue().getDefault();
                url = url.replace("{" + variable.getKey() + "}", value);
            }
        }
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int path = url.indexOf('/', scheme + 3);
            url = path < 0 ? "" : url.substring(path);
        }
        return url;
    }
}
