package io.tributary.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.avro.ReadableJson;
import io.tributary.catalog.CourseCatalogs;
import io.tributary.usage.ClientUsage;
import io.tributary.usage.Latency;
import io.tributary.usage.OperationSignature;
import io.tributary.usage.OperationUsage;
import io.tributary.usage.UsageReport;
import io.tributary.usage.UsageVerdict;
import io.tributary.usage.UsageWindow;
import io.tributary.view.LogEvent;
import io.tributary.view.LogReplay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check}'s work driven directly: a candidate onto a fold of courses v2, judged by the operations of a usage window. */
class CheckTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String DURATION = "query Duration{course(id:\"\"){durationMinutes id}}";

    final LogReplay live = live();
    final UsageWindow usage = new UsageWindow("default");

    static LogReplay live() {
        LogReplay replay = new LogReplay("default");
        replay.append(new LogEvent.Published("courses/a", CourseCatalogs.v2("a")), "catalog", NOW.minusSeconds(3_600));
        return replay;
    }

    void sent(String name, String document, String client, Instant at) {
        usage.add(new UsageReport("gw-1", "default", at, at.plusSeconds(5), List.of(new OperationUsage(OperationSignature.sha256(document),
                name, document, List.of(), List.of(new ClientUsage(client, "1.0", 3, 0, Latency.empty())))), 0));
    }

    static Check without(String field) {
        String model = CourseCatalogs.COURSE_V2.replaceAll(",\\s*\\{\"name\": \"" + field + "\"[^}]*}", "");
        assertThat(model).doesNotContain(field);
        return new Check("courses", List.of(CourseCatalogs.courses(model)), List.of(), 7);
    }

    @Test
    void removing_a_field_a_sent_operation_uses_breaks_that_operation_and_names_its_clients() throws Exception {
        sent("Duration", DURATION, "ios", NOW.minusSeconds(600));
        sent("Titles", "query Titles{course(id:\"\"){title}}", "web", NOW.minusSeconds(600));
        Check check = without("durationMinutes");

        UsageVerdict verdict = check.judge(live, usage, NOW);

        assertThat(verdict.kind()).isEqualTo(UsageVerdict.Kind.BREAKING);
        assertThat(verdict.kind().exitCode()).isEqualTo(1);
        assertThat(verdict.broken()).extracting(b -> b.operation().name()).containsExactly("Duration");
        StringWriter text = new StringWriter();
        check.print(new PrintWriter(text), new Check.Outcome(verdict, true));
        assertThat(text.toString()).containsPattern("Duration\\s+\\w{12}\\s+ios@1\\.0 ×3\\s+3\\s+.*durationMinutes")
                .contains("Deploying this breaks clients: 1 operation(s) sent in the last 7 days: Duration (ios@1.0 ×3).");
        StringWriter json = new StringWriter();
        check.printJson(new PrintWriter(json), new Check.Outcome(verdict, true));
        JsonNode document = ReadableJson.MAPPER.readTree(json.toString());
        assertThat(document.path("exitCode").asInt()).isEqualTo(1);
        assertThat(document.at("/brokenOperations/0/clients/0/client").asText()).isEqualTo("ios");
        assertThat(document.path("operationsSeen").asInt()).isEqualTo(2);
    }

    @Test
    void removing_a_field_no_sent_operation_uses_is_safe_in_practice() {
        sent("Duration", DURATION, "ios", NOW.minusSeconds(600));

        UsageVerdict verdict = without("subtitle").judge(live, usage, NOW);

        assertThat(verdict.deploy().changes()).anySatisfy(c -> assertThat(c.coordinate()).isEqualTo("Course.subtitle"));
        assertThat(verdict.kind()).isEqualTo(UsageVerdict.Kind.SAFE_IN_PRACTICE);
        assertThat(verdict.kind().exitCode()).isEqualTo(4);
    }

    @Test
    void operations_older_than_the_window_do_not_count_and_without_any_usage_a_breaking_change_stays_breaking() {
        sent("Duration", DURATION, "ios", NOW.minus(java.time.Duration.ofDays(8)));

        UsageVerdict verdict = without("durationMinutes").judge(live, usage, NOW);

        assertThat(verdict.seen()).isEmpty();
        assertThat(verdict.kind()).isEqualTo(UsageVerdict.Kind.BREAKING);
        StringWriter text = new StringWriter();
        without("durationMinutes").print(new PrintWriter(text), new Check.Outcome(verdict, false));
        assertThat(text.toString()).contains("No usage topic on this cluster", "no operation seen in the last 7 days to tell which");
    }
}
