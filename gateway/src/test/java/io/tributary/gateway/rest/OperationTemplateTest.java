package io.tributary.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.gateway.rest.OperationTemplate.QueryParam;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class OperationTemplateTest {
    private static final Parameter ID = Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "");

    @Test
    void shouldFillThePathEncodingEachValueAsOneSegment() {
        OperationTemplate get = template(Operation.builder(OperationKind.GET, "GET", "/courses/{id}/v/{id}").parameters(List.of(ID)).build());

        RestRequest request = get.request(Map.of("id", "a b/c"), List.of());

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/courses/a%20b%2Fc/v/a%20b%2Fc");
        assertThat(request.body()).isNull();
    }

    @Test
    void shouldJoinListsWithCommasAndKeepACommaInsideAValueApart() {
        OperationTemplate multiGet = template(Operation.builder(OperationKind.MULTI_GET, "GET", "/courses")
                .parameters(List.of(new Parameter("ids", Schema.createArray(Schema.create(Schema.Type.STRING)), Location.QUERY, true, ""))).build());

        assertThat(multiGet.request(Map.of("ids", List.of("c-1", "a,b")), List.of(QueryParam.list("fields", List.of("id", "title")))).target())
                .isEqualTo("/courses?ids=c-1,a%2Cb&fields=id,title");
        assertThat(multiGet.acceptsList("ids")).isTrue();
    }

    @Test
    void shouldSelectAFinderByNameWhenItsPathDoesNotEndInIt() {
        Parameter instructorId = Parameter.of("instructorId", Schema.Type.STRING, Location.QUERY, true, "");

        OperationTemplate naptime = template(Operation.builder(OperationKind.FINDER, "GET", "/courses").name("byInstructorId")
                .parameters(List.of(instructorId)).build());
        OperationTemplate ownPath = template(Operation.builder(OperationKind.FINDER, "GET", "/courses/byInstructorId").name("byInstructorId")
                .parameters(List.of(instructorId)).build());

        assertThat(naptime.request(Map.of("instructorId", "7"), List.of()).target()).isEqualTo("/courses?q=byInstructorId&instructorId=7");
        assertThat(ownPath.request(Map.of("instructorId", "7"), List.of()).target()).isEqualTo("/courses/byInstructorId?instructorId=7");
    }

    @Test
    void shouldSelectAnActionByNameWhenItsPathDoesNotEndInIt() {
        OperationTemplate action = template(Operation.builder(OperationKind.ACTION, "post", "/courses/{id}").name("enroll")
                .parameters(List.of(ID)).build());

        RestRequest request = action.request(Map.of("id", "c-1"), List.of());

        assertThat(request.method() + " " + request.target()).isEqualTo("POST /courses/c-1?action=enroll");
    }

    @Test
    void shouldLetThePagingTheGatewayAddsReplaceAPagingParameterTheCatalogLists() {
        OperationTemplate finder = template(Operation.builder(OperationKind.FINDER, "GET", "/enrollments/byCourseId").name("byCourseId")
                .parameters(List.of(Parameter.of("courseId", Schema.Type.STRING, Location.QUERY, true, ""),
                        Parameter.of("limit", Schema.Type.INT, Location.QUERY, false, ""))).build());

        Map<String, Object> values = new HashMap<>(Map.of("courseId", "c-1", "limit", 3));
        assertThat(finder.request(values, List.of(QueryParam.of("start", 0), QueryParam.of("limit", 10))).target())
                .isEqualTo("/enrollments/byCourseId?courseId=c-1&start=0&limit=10");
    }

    @Test
    void shouldSendALoneRecordBodyParameterAsTheWholeBody() {
        Schema course = new Schema.Parser().parse("""
                {"type": "record", "name": "Course", "fields": [{"name": "id", "type": "string"}]}""");
        OperationTemplate create = template(Operation.builder(OperationKind.CREATE, "POST", "/courses")
                .parameters(List.of(new Parameter("course", course, Location.BODY, true, ""))).build());

        RestRequest request = create.request(Map.of("course", Map.of("id", "c-9")), List.of());

        assertThat(create.bodyMode()).isEqualTo(OperationTemplate.BodyMode.WHOLE);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"c-9\"}");
    }

    @Test
    void shouldSendOtherBodyParametersAsPropertiesOfOneObjectWithNumbersForNumericIds() {
        OperationTemplate enroll = template(Operation.builder(OperationKind.ACTION, "POST", "/enrollments/enroll").name("enroll")
                .parameters(List.of(Parameter.of("courseId", Schema.Type.LONG, Location.BODY, true, ""),
                        Parameter.of("learnerId", Schema.Type.STRING, Location.BODY, true, ""),
                        Parameter.of("note", Schema.Type.STRING, Location.BODY, false, ""))).build());

        Map<String, Object> values = new HashMap<>();
        values.put("courseId", "12");
        values.put("learnerId", "l-1");
        values.put("note", null);
        RestRequest request = enroll.request(values, List.of());

        assertThat(enroll.bodyMode()).isEqualTo(OperationTemplate.BodyMode.PROPERTIES);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"courseId\":12,\"learnerId\":\"l-1\",\"note\":null}");
    }

    @Test
    void shouldRefuseACallWithoutAPathValue() {
        OperationTemplate get = template(Operation.builder(OperationKind.GET, "GET", "/courses/{id}").parameters(List.of(ID)).build());

        assertThatThrownBy(() -> get.request(Map.of(), List.of())).hasMessageContaining("path parameter id");
    }

    @Test
    void shouldRefuseAPathValueThatWouldNameAnotherResourceOnceNormalized() {
        OperationTemplate get = template(Operation.builder(OperationKind.GET, "GET", "/courses/{id}").parameters(List.of(ID)).build());

        for (String value : List.of("", ".", "..")) {
            assertThatThrownBy(() -> get.request(Map.of("id", value), List.of())).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("'" + value + "' is not a valid id");
        }
        assertThat(get.request(Map.of("id", "..."), List.of()).target()).isEqualTo("/courses/...");
    }

    private static OperationTemplate template(Operation operation) {
        return OperationTemplate.of(operation);
    }
}
