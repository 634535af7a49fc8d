package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.tributary.gateway.GatewayJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphQLResponsesTest {

    /** A value a field or an error's extensions may hold that is none of JSON's own types. */
    record Money(BigDecimal amount, String currency) {
    }

    @Test
    void shouldWriteAResultExactlyAsTheMapperWritesIt() throws Exception {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("id", "c-7");
        course.put("title", "Rivers \"and\" deltas \u00e9\u2603 \ud83c\udf0a");
        course.put("rating", 4.5);
        course.put("seats", 120);
        course.put("views", 12_345_678_901L);
        course.put("open", true);
        course.put("closed", false);
        course.put("instructor", null);
        course.put("price", new Money(new BigDecimal("19.90"), "EUR"));
        course.put("exact", new BigDecimal("1.000"));
        course.put("huge", new BigInteger("123456789012345678901234567890"));
        course.put("tags", new ArrayList<>(List.of("a", "b")));
        course.put("codes", new LinkedHashSet<>(List.of(3, 1, 2)));
        course.put("nested", Arrays.asList(List.of(), Map.of(), Arrays.asList(null, 1.0f)));
        ExecutionResult result = ExecutionResultImpl.newExecutionResult()
                .data(Map.of("course", course))
                .addError(GraphqlErrorBuilder.newError().message("Course c-9 was not found")
                        .path(ResultPath.parse("/courses/1")).location(new SourceLocation(1, 3))
                        .extensions(Map.of("code", "NOT_FOUND", "limit", new Money(BigDecimal.TEN, "USD"))).build())
                .extensions(Map.of("cost", 3))
                .build();

        byte[] written = GraphQLResponses.json(result.toSpecification());

        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(GatewayJson.MAPPER.writeValueAsBytes(result.toSpecification()), StandardCharsets.UTF_8))
                .contains("\"price\":{\"amount\":19.90,\"currency\":\"EUR\"}");
    }
}
