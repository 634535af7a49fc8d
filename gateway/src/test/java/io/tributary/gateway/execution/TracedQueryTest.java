package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.gateway.http.RunningGateway;
import io.tributary.gateway.testing.RecordingServer.Recorded;
import io.tributary.gateway.tracing.OtlpCollector;
import io.tributary.gateway.tracing.OtlpCollector.ReceivedSpan;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A three-level query through a tracing gateway, its spans exported over OTLP/HTTP to a collector in the test: one
 * server span for the request under the client's trace, a span per field resolution batch under it, and one client
 * span per REST call under its batch, each call carrying its own span's {@code traceparent} to the service.
 */
class TracedQueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Test
    void aThreeLevelQueryIsOneTraceWithASpanPerDownstreamCallUnderItsParent() throws Exception {
        try (FixtureServices services = new FixtureServices(); OtlpCollector collector = new OtlpCollector();
             RunningGateway gateway = RunningGateway.start("TracedQueryTest", Map.of(
                     "tributary.gateway.tracing.enabled", true,
                     "tributary.gateway.tracing.endpoint", collector.endpoint(),
                     "tributary.gateway.tracing.export-interval", "100ms"))) {
            gateway.apply(Graphs.view(services.catalogs(), List.of()));

            HttpResponse<String> response = gateway.post(JSON.writeValueAsString(Map.of("operationName", "Levels", "query",
                            "query Levels { courses(ids: [\"c-1\", \"c-2\"]) { id instructors { name courses { id } } } "
                                    + "page: coursesConnection(first: 2) { nodes { id } } }")),
                    "Content-Type", "application/json", "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01");
            assertThat(JSON.readTree(response.body()).has("errors")).as(response.body()).isFalse();

            List<Recorded> calls = Stream.of(services.courses, services.instructors).flatMap(s -> s.requests().stream()).toList();
            assertThat(calls).as("three levels: courses, their instructors, each instructor's courses").hasSizeGreaterThanOrEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.trace(TRACE_ID).stream()
                    .filter(s -> s.kind().equals("SPAN_KIND_CLIENT")).count() == calls.size()
                    && collector.trace(TRACE_ID).stream().anyMatch(s -> s.kind().equals("SPAN_KIND_SERVER")));
            List<ReceivedSpan> trace = collector.trace(TRACE_ID);
            Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));

            ReceivedSpan request = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_SERVER")).findFirst().orElseThrow();
            assertThat(request.parentSpanId()).as("the client's span is the request's parent").isEqualTo(CLIENT_SPAN);
            assertThat(request.name()).isEqualTo("query Levels");
            assertThat(request.attributes()).containsEntry("graphql.operation.name", "Levels").containsEntry("tributary.view.version", "1")
                    .containsKey("tributary.operation.hash");
            assertThat(request.service()).isEqualTo("tributary-gateway");

            List<ReceivedSpan> downstream = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_CLIENT")).toList();
            for (ReceivedSpan call : downstream) {
                ReceivedSpan batch = byId.get(call.parentSpanId());
                assertThat(batch).as("the parent of " + call.name()).isNotNull();
                assertThat(batch.kind()).isEqualTo("SPAN_KIND_INTERNAL");
                assertThat(batch.parentSpanId()).as("the batch of " + call.name() + " is the request's").isEqualTo(request.spanId());
                assertThat(call.attributes()).containsEntry("http.response.status_code", "200").containsKey("peer.service");
                assertThat(call.name()).as("named by the route template, not the URL").startsWith("GET /").doesNotContain("c-1", "c-2", "?");
                assertThat(call.attributes().get("url.template")).isEqualTo(call.name().substring("GET ".length()));
            }
            assertThat(downstream).as("a fetcher that sends its own call is a batch of its own, named by its field")
                    .anySatisfy(call -> assertThat(byId.get(call.parentSpanId()).name()).isEqualTo("Query.coursesConnection"));
            assertThat(downstream).extracting(ReceivedSpan::attributes).extracting(a -> a.get("peer.service"))
                    .contains("courses", "instructors");
            assertThat(downstream.stream().map(ReceivedSpan::parentSpanId).distinct().count())
                    .as("one batch per level at least: courses, instructors, instructors' courses, and the page").isGreaterThanOrEqualTo(4);

            Set<String> sent = calls.stream().map(c -> c.headers().get("traceparent")).collect(Collectors.toSet());
            assertThat(sent).as("each call carries its own span's traceparent, in the client's trace")
                    .isEqualTo(downstream.stream().map(s -> "00-" + TRACE_ID + "-" + s.spanId() + "-01").collect(Collectors.toSet()));
        }
    }

    @Test
    void aRequestRefusedBeforeExecutionStillHasItsSpanWithTheReason() throws Exception {
        try (FixtureServices services = new FixtureServices(); OtlpCollector collector = new OtlpCollector();
             RunningGateway gateway = RunningGateway.start("TracedQueryTest", Map.of(
                     "tributary.gateway.tracing.enabled", true,
                     "tributary.gateway.tracing.endpoint", collector.endpoint(),
                     "tributary.gateway.tracing.export-interval", "100ms",
                     "tributary.gateway.limits.max-depth", 2))) {
            gateway.apply(Graphs.view(services.catalogs(), List.of()));
            Map<String, String> refused = new java.util.LinkedHashMap<>();

            refused.put(send(gateway, "a1", RunningGateway.body("query Bad { courses(ids: [\"c-1\"]) { id noSuchField } }"),
                    "Content-Type", "application/json"), "ValidationError|noSuchField|GraphQL query");
            refused.put(send(gateway, "a2", RunningGateway.body("{ courses(ids: "), "Content-Type", "application/json"),
                    "InvalidSyntax|Invalid syntax|GraphQL operation");
            refused.put(send(gateway, "a3", RunningGateway.body("query Deep { courses(ids: [\"c-1\"]) { instructors { courses { id } } } }"),
                    "Content-Type", "application/json"), "MAX_DEPTH_EXCEEDED|levels deep|GraphQL query");
            refused.put(send(gateway, "a4", RunningGateway.body("{ courses(ids: [\"c-1\"]) { id } }"), "Content-Type", "text/plain"),
                    "UNSUPPORTED_MEDIA_TYPE|application/json|GraphQL operation");
            refused.put(send(gateway, "a5", "{\"documentId\": \"sha256:" + "0".repeat(64) + "\"}", "Content-Type", "application/json",
                    "Accept", "application/graphql-response+json"), "PERSISTED_QUERY_NOT_FOUND|PersistedQueryNotFound|GraphQL operation");
            refused.put(send(gateway, "a6", RunningGateway.body("{ courses(ids: [\"c-1\"]) { id } }"), "Content-Type", "application/json",
                    "Accept", "text/html"), "NOT_ACCEPTABLE|Accept|GraphQL operation");

            assertThat(Stream.of(services.courses, services.instructors).flatMap(s -> s.requests().stream()))
                    .as("nothing refused reached a service").isEmpty();
            for (Map.Entry<String, String> expected : refused.entrySet()) {
                String[] errorTypeReasonName = expected.getValue().split("\\|");
                await().atMost(Duration.ofSeconds(30)).until(() -> !collector.trace(expected.getKey()).isEmpty());
                assertThat(collector.trace(expected.getKey())).as(expected.getValue()).singleElement().satisfies(span -> {
                    assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
                    assertThat(span.parentSpanId()).isEqualTo(CLIENT_SPAN);
                    assertThat(span.name()).isEqualTo(errorTypeReasonName[2]);
                    assertThat(span.status()).isEqualTo("STATUS_CODE_ERROR");
                    assertThat(span.attributes()).containsEntry("error.type", errorTypeReasonName[0]);
                    assertThat(span.statusMessage()).containsIgnoringCase(errorTypeReasonName[1]);
                });
            }
            assertThat(collector.trace(traceId("a4")).getFirst().attributes()).containsEntry("http.response.status_code", "415");
            assertThat(collector.trace(traceId("a6")).getFirst().attributes()).containsEntry("http.response.status_code", "406");
        }
    }

    /** Sends a request as a client in the trace {@link #traceId(String)}; answers that trace's id. */
    private static String send(RunningGateway gateway, String trace, String body, String... headers) {
        String[] all = Stream.concat(Stream.of(headers), Stream.of("traceparent", "00-" + traceId(trace) + "-" + CLIENT_SPAN + "-01"))
                .toArray(String[]::new);
        gateway.post(body, all);
        return traceId(trace);
    }

    private static String traceId(String suffix) {
        return TRACE_ID.substring(0, 32 - suffix.length()) + suffix;
    }

    @Test
    void withTracingOffTheClientsTraceparentIsForwardedAsItCame() throws Exception {
        try (FixtureServices services = new FixtureServices();
             RunningGateway gateway = RunningGateway.start("TracedQueryTest", Map.of())) {
            gateway.apply(Graphs.view(services.catalogs(), List.of()));
            String traceparent = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01";

            gateway.post(RunningGateway.body("{ courses(ids: [\"c-1\"]) { id instructors { name } } }"), "Content-Type", "application/json",
                    "traceparent", traceparent);

            assertThat(Stream.of(services.courses, services.instructors).flatMap(s -> s.requests().stream()))
                    .hasSize(2).allSatisfy(call -> assertThat(call.headers()).containsEntry("traceparent", traceparent));
        }
    }

    @Test
    void aFailedCallIsMarkedOnItsSpanAndLoggedWithItsTraceIds() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (FixtureServices services = new FixtureServices(); OtlpCollector collector = new OtlpCollector();
             RunningGateway gateway = RunningGateway.start("TracedQueryTest", Map.of(
                     "tributary.gateway.tracing.enabled", true,
                     "tributary.gateway.tracing.endpoint", collector.endpoint(),
                     "tributary.gateway.tracing.export-interval", "100ms"))) {
            gateway.apply(Graphs.view(services.catalogs(), List.of()));
            services.instructors.failWith(503);

            gateway.post(RunningGateway.body("{ courses(ids: [\"c-1\"]) { id instructors { name } } }"), "Content-Type", "application/json",
                    "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01");

            await().atMost(Duration.ofSeconds(30)).until(() -> collector.trace(TRACE_ID).stream()
                    .anyMatch(s -> s.kind().equals("SPAN_KIND_CLIENT") && "503".equals(s.attributes().get("http.response.status_code"))));
            ReceivedSpan failed = collector.trace(TRACE_ID).stream()
                    .filter(s -> "503".equals(s.attributes().get("http.response.status_code"))).findFirst().orElseThrow();
            assertThat(failed.attributes()).containsEntry("error.type", "503").containsEntry("peer.service", "instructors");
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("answered"))
                    .as("the gateway's log line about the failed call carries its trace and span")
                    .anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("trace_id", TRACE_ID)
                            .containsEntry("span_id", failed.spanId()));
        } finally {
            root.detachAppender(log);
        }
    }
}
