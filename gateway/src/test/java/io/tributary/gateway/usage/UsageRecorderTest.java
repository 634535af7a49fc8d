package io.tributary.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.gateway.request.Client;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.OperationSignature;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRecorderTest {
    static OperationSignature operation(String name) {
        String document = "query " + name + "{course(id:\"\"){id}}";
        return new OperationSignature(OperationSignature.sha256(document), name, document, List.of("Query.course"));
    }

    final UsageRecorder recorder = new UsageRecorder("gw-1", "default", 2, 2, Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void counts_executions_errors_and_latency_per_operation_and_client() {
        recorder.record(operation("A"), new Client("web", "1.0"), false, 3_000_000);
        recorder.record(operation("A"), new Client("web", "1.0"), true, 30_000_000);
        recorder.record(operation("A"), Client.UNNAMED, false, 3_000_000);

        UsageReport report = recorder.drain().orElseThrow();

        assertThat(report.gatewayId()).isEqualTo("gw-1");
        OperationUsage a = report.operations().getFirst();
        assertThat(a.name()).isEqualTo("A");
        assertThat(a.coordinates()).containsExactly("Query.course");
        assertThat(a.clients()).extracting(ClientUsage::client, ClientUsage::version, ClientUsage::count, ClientUsage::errors)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "", 1L, 0L), org.assertj.core.groups.Tuple.tuple("web", "1.0", 2L, 1L));
        ClientUsage web = a.clients().get(1);
        assertThat(web.latency().get(0)).isEqualTo(1);
        assertThat(web.latency().get(3)).isEqualTo(1);
    }

    @Test
    void a_drain_starts_a_new_interval_and_an_empty_one_reports_nothing() {
        recorder.record(operation("A"), Client.UNNAMED, false, 1);
        assertThat(recorder.drain()).isPresent();

        assertThat(recorder.drain()).isEmpty();
    }

    @Test
    void operations_past_the_cap_are_dropped_and_counted_and_clients_past_theirs_count_as_other() {
        recorder.record(operation("A"), new Client("a", ""), false, 1);
        recorder.record(operation("A"), new Client("b", ""), false, 1);
        recorder.record(operation("A"), new Client("c", ""), false, 1);
        recorder.record(operation("B"), Client.UNNAMED, false, 1);
        recorder.record(operation("C"), Client.UNNAMED, false, 1);
        recorder.record(operation("C"), Client.UNNAMED, false, 1);

        UsageReport report = recorder.drain().orElseThrow();

        assertThat(report.operations()).extracting(OperationUsage::name).containsExactlyInAnyOrder("A", "B");
        assertThat(report.droppedOperations()).isEqualTo(2);
        assertThat(recorder.droppedTotal()).isEqualTo(2);
        assertThat(report.operations().stream().filter(o -> o.name().equals("A")).findFirst().orElseThrow().clients())
                .extracting(ClientUsage::client).containsExactly(UsageRecorder.OTHER_CLIENTS, "a", "b");
    }

    @Test
    void client_headers_are_read_in_order_and_bounded() {
        ClientHeaders headers = new ClientHeaders(List.of("apollographql-client-name", "graphql-client-name"), List.of("graphql-client-version"));

        Client client = headers.from(java.util.Map.of("graphql-client-name", "ios\napp", "graphql-client-version", "x".repeat(500))::get);

        assertThat(client.name()).isEqualTo("ios\\napp");
        assertThat(client.version()).hasSize(ClientHeaders.MAX_LENGTH);
        assertThat(headers.from(name -> null)).isEqualTo(Client.UNNAMED);
    }
}
