package io.tributary.gateway.rest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.gateway.rest.client.RestRequest;
import io.tributary.gateway.rest.fetch.InvalidArgumentException;
import io.tributary.gateway.rest.fetch.OperationTemplate;
import io.tributary.gateway.rest.fetch.OperationTemplate.QueryParam;
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
    void shouldSendAConstantSelectorOnlyWhenTheCatalogDeclaresOne() {
        Parameter instructorId = Parameter.of("instructorId", Schema.Type.STRING, Location.QUERY, true, "");

        OperationTemplate naptime = template(Operation.builder(OperationKind.FINDER, "GET", "/courses").name("byInstructorId")
                .parameters(List.of(Parameter.constant("q", "byInstructorId"), instructorId)).build());
        OperationTemplate mapped = template(Operation.builder(OperationKind.FINDER, "GET", "/instructors/{id}/courses").name("byId")
                .parameters(List.of(ID, instructorId)).build());

        assertThat(naptime.request(Map.of("instructorId", "7", "q", "ignored"), List.of()).target())
                .isEqualTo("/courses?q=byInstructorId&instructorId=7");
        assertThat(naptime.queryParameter()).isEqualTo("instructorId");
        assertThat(mapped.request(Map.of("id", "3", "instructorId", "7"), List.of()).target()).isEqualTo("/instructors/3/courses?instructorId=7");
    }

    @Test
    void shouldSendAConstantActionSelectorAfterThePath() {
        OperationTemplate action = template(Operation.builder(OperationKind.ACTION, "post", "/courses/{id}").name("enroll")
                .parameters(List.of(ID, Parameter.constant("action", "enroll"))).build());

        RestRequest request = action.request(Map.of("id", "c-1"), List.of());

        assertThat(request.method() + " " + request.target()).isEqualTo("POST /courses/c-1?action=enroll");
    }

    @Test
    void shouldSendIdsTheWayTheirParameterSays() {
        Schema strings = Schema.createArray(Schema.create(Schema.Type.STRING));
        Parameter ids = new Parameter("ids", strings, Location.QUERY, true, "");
        List<String> values = List.of("1", "a,b");

        assertThat(multiGet(ids.withStyle(Parameter.Style.FORM, true)).request(Map.of("ids", values), List.of()).target())
                .isEqualTo("/courses?ids=1&ids=a%2Cb");
        assertThat(multiGet(ids.withStyle(Parameter.Style.FORM, false)).request(Map.of("ids", values), List.of()).target())
                .isEqualTo("/courses?ids=1,a%2Cb");
        assertThat(multiGet(ids.withStyle(Parameter.Style.SPACE_DELIMITED, false)).request(Map.of("ids", values), List.of()).target())
                .isEqualTo("/courses?ids=1%20a%2Cb");
        assertThat(multiGet(ids.withStyle(Parameter.Style.PIPE_DELIMITED, false)).request(Map.of("ids", values), List.of()).target())
                .isEqualTo("/courses?ids=1%7Ca%2Cb");
    }

    @Test
    void shouldWriteObjectsInTheQueryByTheirStyle() {
        Schema filter = new Schema.Parser().parse("""
                {"type": "record", "name": "Filter", "fields": [{"name": "role", "type": "string"}, {"name": "age", "type": "int"}]}""");
        Parameter parameter = new Parameter("filter", filter, Location.QUERY, false, "");
        Map<String, Object> value = new java.util.LinkedHashMap<>(Map.of("role", "admin"));
        value.put("age", 3);

        assertThat(query(parameter.withStyle(Parameter.Style.DEEP_OBJECT, true), value)).isEqualTo("/x?filter%5Brole%5D=admin&filter%5Bage%5D=3");
        assertThat(query(parameter.withStyle(Parameter.Style.FORM, true), value)).isEqualTo("/x?role=admin&age=3");
        assertThat(query(parameter.withStyle(Parameter.Style.FORM, false), value)).isEqualTo("/x?filter=role,admin,age,3");
    }

    @Test
    void shouldWritePathValuesByTheirStyle() {
        Schema strings = Schema.createArray(Schema.create(Schema.Type.STRING));
        Parameter id = new Parameter("id", strings, Location.PATH, true, "");
        Map<String, Object> values = Map.of("id", List.of("3", "4"));

        assertThat(path(id, values)).isEqualTo("/users/3,4");
        assertThat(path(id.withStyle(Parameter.Style.LABEL, false), values)).isEqualTo("/users/.3,4");
        assertThat(path(id.withStyle(Parameter.Style.LABEL, true), values)).isEqualTo("/users/.3.4");
        assertThat(path(id.withStyle(Parameter.Style.MATRIX, false), values)).isEqualTo("/users/;id=3,4");
        assertThat(path(id.withStyle(Parameter.Style.MATRIX, true), values)).isEqualTo("/users/;id=3;id=4");
        assertThat(path(id.withStyle(Parameter.Style.MATRIX, false), Map.of("id", "5"))).isEqualTo("/users/;id=5");
    }

    @Test
    void shouldSendArgumentsUnderTheirWireNamesAndHeadersAndCookiesAsHeaders() {
        OperationTemplate list = template(Operation.builder(OperationKind.GET_ALL, "GET", "/things")
                .parameters(List.of(Parameter.of("pageSize", Schema.Type.INT, Location.QUERY, false, "").withWireName("page[size]"),
                        Parameter.of("apiVersion", Schema.Type.STRING, Location.HEADER, true, "").withWireName("api-version"),
                        new Parameter("tags", Schema.createArray(Schema.create(Schema.Type.STRING)), Location.HEADER, false, ""),
                        Parameter.of("session", Schema.Type.STRING, Location.COOKIE, false, ""),
                        Parameter.of("theme", Schema.Type.STRING, Location.COOKIE, false, ""))).build());

        RestRequest request = list.request(Map.of("pageSize", 5, "apiVersion", "2024-01-01", "tags", List.of("a", "b"), "session", "s 1",
                "theme", "dark"), List.of());

        assertThat(request.target()).isEqualTo("/things?page%5Bsize%5D=5");
        assertThat(request.headers()).containsOnly(Map.entry("api-version", "2024-01-01"), Map.entry("tags", "a,b"),
                Map.entry("Cookie", "session=s%201; theme=dark"));
    }

    @Test
    void shouldRefuseAHeaderValueThatWouldSplitTheRequest() {
        OperationTemplate list = template(Operation.builder(OperationKind.GET_ALL, "GET", "/things")
                .parameters(List.of(Parameter.of("tenant", Schema.Type.STRING, Location.HEADER, true, ""))).build());

        assertThatThrownBy(() -> list.request(Map.of("tenant", "a\r\nHost: evil"), List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("tenant cannot contain a line break");
    }

    private static OperationTemplate multiGet(Parameter ids) {
        return template(Operation.builder(OperationKind.MULTI_GET, "GET", "/courses").parameters(List.of(ids)).build());
    }

    private static String query(Parameter parameter, Object value) {
        return template(Operation.builder(OperationKind.GET_ALL, "GET", "/x").parameters(List.of(parameter)).build())
                .request(Map.of(parameter.name(), value), List.of()).target();
    }

    private static String path(Parameter parameter, Map<String, Object> values) {
        return template(Operation.builder(OperationKind.GET, "GET", "/users/{id}").parameters(List.of(parameter)).build())
                .request(values, List.of()).target();
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
    void shouldWriteAFormBodyAsPairsListsRepeatedNullsLeftOutAndOtherValuesAsJsonText() {
        OperationTemplate rename = template(Operation.builder(OperationKind.ACTION, "POST", "/pets/{id}").name("rename")
                .parameters(List.of(ID, Parameter.of("name", Schema.Type.STRING, Location.BODY, true, ""),
                        new Parameter("tags", Schema.createArray(Schema.create(Schema.Type.STRING)), Location.BODY, false, ""),
                        Parameter.of("age", Schema.Type.LONG, Location.BODY, false, ""),
                        Parameter.of("note", Schema.Type.STRING, Location.BODY, false, ""),
                        new Parameter("extra", Schema.createMap(Schema.create(Schema.Type.STRING)), Location.BODY, false, "")))
                .bodyEncoding(BodyEncoding.FORM).build());

        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("id", "p-1");
        values.put("name", "Rex & Co");
        values.put("tags", List.of("a b", "ü"));
        values.put("age", "3");
        values.put("note", null);
        values.put("extra", Map.of("k", "v=1"));
        RestRequest request = rename.request(values, List.of());

        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("name=Rex+%26+Co&tags=a+b&tags=%C3%BC&age=3&extra=%7B%22k%22%3A%22v%3D1%22%7D");
    }

    @Test
    void shouldSendAnOptionalFormNotGivenAsTheEmptyForm() {
        Schema form = new Schema.Parser().parse("""
                {"type": "record", "name": "Search", "fields": [{"name": "criteria", "type": "string"}]}""");
        OperationTemplate search = template(Operation.builder(OperationKind.CALL, "POST", "/records").name("performSearch")
                .parameters(List.of(new Parameter("input", form, Location.BODY, false, ""))).bodyEncoding(BodyEncoding.FORM).build());

        RestRequest request = search.request(Map.of(), List.of());

        assertThat(request.body()).isEmpty();
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void shouldSayAJsonBodyIsJsonAndABodilessCallHasNoContentType() {
        OperationTemplate enroll = template(Operation.builder(OperationKind.ACTION, "POST", "/enrollments/enroll").name("enroll")
                .parameters(List.of(Parameter.of("learnerId", Schema.Type.STRING, Location.BODY, true, ""))).build());
        OperationTemplate get = template(Operation.builder(OperationKind.GET, "GET", "/courses/{id}").parameters(List.of(ID)).build());

        assertThat(enroll.request(Map.of("learnerId", "l-1"), List.of()).contentType()).isEqualTo("application/json");
        assertThat(get.request(Map.of("id", "c-1"), List.of()).contentType()).isNull();
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
