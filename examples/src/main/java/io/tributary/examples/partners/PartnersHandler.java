package io.tributary.examples.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partners REST API in Naptime style: {@code GET /partners/{id}}, {@code GET /partners?ids=a,b} and
 * {@code GET /partners?start=0&limit=10}, lists in {@code {"elements": [...], "paging": {"total", "next"}}}.
 */
final class PartnersHandler implements HttpHandler {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerDirectory directory;

    PartnersHandler(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, Map.of("message", exchange.getRequestMethod() + " is not supported; the partners API is read-only"));
                return;
            }
            List<String> segments = Arrays.stream(exchange.getRequestURI().getPath().split("/")).filter(s -> !s.isEmpty()).toList();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (segments.isEmpty() || !segments.getFirst().equals("partners") || segments.size() > 2) {
                respond(exchange, 404, Map.of("message", "no such resource: " + exchange.getRequestURI().getPath()));
            } else if (segments.size() == 1) {
                list(exchange, query);
            } else {
                get(exchange, segments.get(1));
            }
        }
    }

    private void get(HttpExchange exchange, String id) throws IOException {
        var partner = directory.find(id);
        if (partner.isPresent()) {
            respond(exchange, 200, partner.get());
        } else {
            respond(exchange, 404, Map.of("message", "no partner has the id " + id));
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (query.containsKey("ids")) {
            List<String> ids = Arrays.stream(query.get("ids").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            respond(exchange, 200, Map.of("elements", directory.findAll(ids)));
            return;
        }
        int start;
        int limit;
        try {
            start = number(query, "start", 0, 0, Integer.MAX_VALUE);
            limit = number(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, Map.of("message", e.getMessage()));
            return;
        }
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("total", directory.size());
        if (start + limit < directory.size()) {
            paging.put("next", start + limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elements", directory.page(start, limit));
        body.put("paging", paging);
        respond(exchange, 200, body);
    }

    private static int number(Map<String, String> query, String name, int absent, int min, int max) {
        String text = query.get(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max)
                + ", was '" + text + "'");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
