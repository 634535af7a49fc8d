package io.tributary.gateway.rest.fetch;

import java.util.List;
import java.util.Map;

/** One page of a list answer: its elements, the total the service reports (or null), and where the next page starts (or null). */
record Page(List<Map<String, Object>> elements, Long total, String next) {
}
