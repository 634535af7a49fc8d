package io.tributary.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.usage.ClientUsage;
import io.tributary.usage.Latency;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class UsageSerdeTest {
    @Test
    void a_usage_report_travels_whole() {
        Serde<UsageReport> serde = TributarySerdes.usage();
        UsageReport report = new UsageReport("gw-1", "default", Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:05Z"),
                List.of(new OperationUsage("abc", "Course", "query Course{course(id:\"\"){id}}", List.of("Query.course", "Query.course(id:)"),
                        List.of(new ClientUsage("web", "1.2", 7, 1, Latency.empty()), new ClientUsage("", "", 1, 0, Latency.empty())))), 3);

        UsageReport read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", report));

        assertThat(read).isEqualTo(report);
    }

    @Test
    void bytes_of_another_kind_are_refused_clearly() {
        byte[] status = TributarySerdes.gatewayStatus().serializer().serialize("t",
                new io.tributary.status.GatewayStatus("gw", "default", 1, "h", Instant.EPOCH, 0, 0, 0, ""));

        assertThatThrownBy(() -> TributarySerdes.usage().deserializer().deserialize("t", status)).isInstanceOf(RuntimeException.class);
    }
}
