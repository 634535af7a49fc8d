package io.tributary.publisher.openapi;

import static io.tributary.publisher.openapi.Documents.map30;
import static io.tributary.publisher.openapi.Documents.only;
import static io.tributary.publisher.openapi.Documents.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Resource;
import org.junit.jupiter.api.Test;

class ConventionsTest {
    private static final String THING = """
              schemas:
                Thing:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    name: {type: string}
            """;
    private static final String GET_THING = """
              /things/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  responses: {'200': {description: a thing, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
            """;
    private static final String THINGS = "{'200': {description: things, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}}}}}";

    @Test
    void shouldMapGetOfOneElementToGet() {
        Resource things = only(map30("paths:\n" + GET_THING + "components:\n" + THING));

        assertThat(things.qualifiedName()).isEqualTo("things.v1");
        assertThat(things.modelName()).isEqualTo("Thing");
        assertThat(things.keyField()).isEqualTo("id");
        Operation get = operation(things, OperationKind.GET);
        assertThat(get.httpMethod() + " " + get.path()).isEqualTo("GET /things/{id}");
        assertThat(get.parameters()).extracting(Parameter::name, Parameter::location, Parameter::required)
                .containsExactly(tuple("id", Parameter.Location.PATH, true));
    }

    @Test
    void shouldMapACollectionGetWithOptionalIdsToMultiGetAndGetAll() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      parameters:
                        - {name: ids, in: query, schema: {type: array, items: {type: string}}, explode: false}
                        - {name: color, in: query, schema: {type: string}}
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING));

        assertThat(things.operations()).extracting(Operation::kind)
                .containsExactly(OperationKind.GET, OperationKind.MULTI_GET, OperationKind.GET_ALL);
        assertThat(operation(things, OperationKind.MULTI_GET).parameters()).extracting(Parameter::name, Parameter::required)
                .containsExactly(tuple("ids", true));
        Parameter ids = operation(things, OperationKind.MULTI_GET).parameters().getFirst();
        assertThat(ids.schema().getType()).isEqualTo(org.apache.avro.Schema.Type.ARRAY);
        assertThat(ids.style()).isEqualTo(Parameter.Style.FORM);
        assertThat(ids.explode()).as("the document says explode: false, ids=a,b").isFalse();
        assertThat(operation(things, OperationKind.GET_ALL).parameters()).extracting(Parameter::name).containsExactly("color");
    }

    @Test
    void shouldMapACollectionGetWithRequiredIdsToMultiGetOnly() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      parameters: [{name: ids, in: query, required: true, schema: {type: string}}]
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING));

        assertThat(things.operations()).extracting(Operation::kind).containsExactly(OperationKind.GET, OperationKind.MULTI_GET);
    }

    @Test
    void shouldMapEachValueOfTheFinderSelectorQToAFinder() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      parameters:
                        - {name: q, in: query, required: true, schema: {type: string, enum: [byOwnerId, search]}}
                        - {name: ownerId, in: query, schema: {type: integer, format: int64}}
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING));

        assertThat(things.operations()).extracting(Operation::kind, Operation::name).containsExactly(
                tuple(OperationKind.GET, ""),
                tuple(OperationKind.FINDER, "byOwnerId"),
                tuple(OperationKind.FINDER, "search"));
        assertThat(operation(things, OperationKind.FINDER).parameters()).extracting(Parameter::name, Parameter::constant)
                .containsExactly(tuple("q", "byOwnerId"), tuple("ownerId", ""));
    }

    @Test
    void shouldMapAGetMarkedWithXTributaryFinderToAFinderOfTheDeclaredResource() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                  /owners/{ownerId}/things:
                    get:
                      x-tributary-resource: things
                      x-tributary-finder: byOwner
                      parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING));

        Operation finder = operation(things, OperationKind.FINDER);
        assertThat(finder.name()).isEqualTo("byOwner");
        assertThat(finder.path()).isEqualTo("/owners/{ownerId}/things");
    }

    @Test
    void shouldMapPostPutPatchAndDeleteToMutations() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                    put:
                      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                      responses: {'204': {description: replaced}}
                    patch:
                      operationId: rename-thing
                      requestBody:
                        required: true
                        content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}}}}
                      responses: {'204': {description: renamed}}
                    delete:
                      responses: {'204': {description: deleted}}
                  /things:
                    post:
                      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                      responses: {'201': {description: created}}
                """ + "components:\n" + THING));

        assertThat(things.operations()).extracting(Operation::kind, Operation::name, Operation::httpMethod).containsExactly(
                tuple(OperationKind.GET, "", "GET"),
                tuple(OperationKind.CREATE, "", "POST"),
                tuple(OperationKind.UPDATE, "", "PUT"),
                tuple(OperationKind.PATCH, "renameThing", "PATCH"),
                tuple(OperationKind.DELETE, "", "DELETE"));
        assertThat(operation(things, OperationKind.CREATE).parameters()).singleElement().satisfies(body -> {
            assertThat(body.name()).isEqualTo("thing");
            assertThat(body.location()).isEqualTo(Parameter.Location.BODY);
            assertThat(body.schema()).isEqualTo(things.model());
        });
        assertThat(operation(things, OperationKind.PATCH).parameters()).extracting(Parameter::name, Parameter::location, Parameter::required)
                .containsExactly(tuple("id", Parameter.Location.PATH, true),
                        tuple("name", Parameter.Location.BODY, true));
    }

    @Test
    void shouldNameAPatchAfterXTributaryNameBeforeItsOperationId() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                    patch:
                      operationId: patchThing
                      x-tributary-name: title
                      responses: {'204': {description: patched}}
                """ + "components:\n" + THING));

        assertThat(operation(things, OperationKind.PATCH).name()).isEqualTo("title");
    }

    @Test
    void shouldMapAPostToAVerbBelowAnElementToAnAction() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                  /things/{id}/mark-done:
                    post:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: done}}
                  /things/{id}/archival:
                    post:
                      x-tributary-action: archive
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: archived}}
                """ + "components:\n" + THING));

        assertThat(things.operations()).extracting(Operation::kind, Operation::name, Operation::path).containsExactly(
                tuple(OperationKind.GET, "", "/things/{id}"),
                tuple(OperationKind.ACTION, "archive", "/things/{id}/archival"),
                tuple(OperationKind.ACTION, "markDone", "/things/{id}/mark-done"));
    }

    @Test
    void shouldMakeAnOperationFieldOfEachOperationThatMatchesNoResourceConvention() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                    head:
                      responses: {'200': {description: exists}}
                    post:
                      responses: {'200': {description: what}}
                  /things:
                    put:
                      responses: {'204': {description: all replaced}}
                  /things/{id}/parts/{partId}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: partId, in: path, required: true, schema: {type: string}}
                      responses: {'200': {description: a part}}
                  /things/{id}/parts:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: parts}}
                    patch:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: parts}}
                """ + "components:\n" + THING);

        assertThat(mapping.unmapped()).extracting(UnmappedOperation::category, UnmappedOperation::toString).containsExactly(
                tuple(UnmappedOperation.Category.NO_FIELD, "HEAD /things/{id}: HEAD has no operation kind in the catalog"));
        assertThat(mapping.operations()).extracting(OperationField::name, f -> f.operation().httpMethod() + " " + f.operation().path(),
                        OperationField::answersNothing)
                .containsExactly(
                        tuple("thingsByIdPost", "POST /things/{id}", true),
                        tuple("thingsParts", "GET /things/{id}/parts", true),
                        tuple("thingsPartsPatch", "PATCH /things/{id}/parts", true),
                        tuple("thingsPartsByPartId", "GET /things/{id}/parts/{partId}", true));
        assertThat(only(mapping).operations()).extracting(Operation::kind, Operation::path).containsExactly(
                tuple(OperationKind.GET, "/things/{id}"), tuple(OperationKind.UPDATE, "/things"));
    }

    @Test
    void shouldMakeAPatchWithoutANameAnOperationField() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                    patch:
                      responses: {'204': {description: patched}}
                """ + "components:\n" + THING);

        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).extracting(OperationField::name).containsExactly("thingsByIdPatch");
    }

    @Test
    void shouldTakeNameAndVersionOfTheResourceFromXTributaryResource() {
        Resource resource = only(map30("""
                paths:
                  /api/v2/widgets/{id}:
                    x-tributary-resource: {name: gadgets, version: 2, key: name, description: 'Gadgets, renamed.'}
                    get:
                      x-tributary-finder: byId
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING));

        assertThat(resource.qualifiedName()).isEqualTo("gadgets.v2");
        assertThat(resource.keyField()).isEqualTo("name");
        assertThat(resource.description()).isEqualTo("Gadgets, renamed.");
    }

    @Test
    void shouldReportAMalformedExtensionWithWhatItExpects() {
        OpenApiMapping mapping = map30("""
                paths:
                  /things/{id}:
                    get:
                      x-tributary-resource: {name: Things-2}
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: a thing}}
                  /things:
                    get:
                      x-tributary-pagination: {style: sideways}
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING);

        assertThat(mapping.unmapped()).extracting(UnmappedOperation::toString).containsExactly(
                "GET /things: as GET_ALL: x-tributary-pagination style must be offset, page, cursor or none, was 'sideways'",
                "GET /things/{id}: x-tributary-resource name 'Things-2' must start with a lower-case letter and hold only letters and digits");
    }

    @Test
    void shouldMakeOperationFieldsOfTheOperationsOfAResourceThatHasNoReadOperation() {
        OpenApiMapping mapping = map30("""
                paths:
                  /uploads:
                    post:
                      responses: {'201': {description: stored}}
                  /uploads/{id}:
                    delete:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: deleted}}
                """);

        assertThat(mapping.resources()).isEmpty();
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).extracting(OperationField::name, OperationField::isQuery)
                .containsExactly(tuple("uploadsPost", false), tuple("uploadsByIdDelete", false));
    }

    @Test
    void shouldMakeAReadOfAResourceWithoutAKeyFieldAnOperationField() {
        OpenApiMapping mapping = map30("""
                paths:
                  /things/{thingId}:
                    get:
                      parameters: [{name: thingId, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: a thing, content: {application/json: {schema: {type: object, properties: {label: {type: string}}}}}}}
                """);

        assertThat(mapping.resources()).isEmpty();
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).singleElement().satisfies(field -> {
            assertThat(field.name()).isEqualTo("thingsByThingId");
            assertThat(field.result().getName()).isEqualTo("ThingsByThingIdResult");
        });
    }

    @Test
    void shouldMapHeaderAndCookieParametersAsArgumentsThatTravelUnderTheirOwnNames() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      parameters:
                        - {name: X-Tenant, in: header, required: true, schema: {type: string}}
                        - {name: session, in: cookie, schema: {type: string}}
                        - {name: Authorization, in: header, required: true, schema: {type: string}}
                        - {name: 'page[size]', in: query, schema: {type: integer}}
                        - {name: tags, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}
                        - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {role: {type: string}}}}
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING);

        assertThat(mapping.unmapped()).isEmpty();
        assertThat(operation(only(mapping), OperationKind.GET_ALL).parameters())
                .extracting(Parameter::name, Parameter::wireName, Parameter::location, Parameter::style, Parameter::explode)
                .containsExactly(tuple("xTenant", "X-Tenant", Parameter.Location.HEADER, Parameter.Style.SIMPLE, false),
                        tuple("session", "session", Parameter.Location.COOKIE, Parameter.Style.FORM, true),
                        tuple("pageSize", "page[size]", Parameter.Location.QUERY, Parameter.Style.FORM, true),
                        tuple("tags", "tags", Parameter.Location.QUERY, Parameter.Style.PIPE_DELIMITED, false),
                        tuple("filter", "filter", Parameter.Location.QUERY, Parameter.Style.DEEP_OBJECT, false));
    }

    @Test
    void shouldRefuseAnOperationThatNeedsAHeaderNoArgumentMaySetAndLeaveOutAnOptionalOne() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                      parameters: [{name: Connection, in: header, schema: {type: string}}]
                  /things:
                    get:
                      parameters: [{name: Host, in: header, required: true, schema: {type: string}}]
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING);

        assertThat(operation(only(mapping), OperationKind.GET).parameters()).extracting(Parameter::name).containsExactly("id");
        assertThat(mapping.unmapped()).extracting(UnmappedOperation::toString).containsExactly("GET /things: it needs the header "
                + "parameter Host: the header Host frames the request, carries credentials or is set by the gateway; no argument may set it");
        assertThat(mapping.unmapped()).extracting(UnmappedOperation::category).containsExactly(UnmappedOperation.Category.FORBIDDEN_HEADER);
        assertThat(mapping.notes()).anySatisfy(note -> assertThat(note).contains("optional header parameter Connection left out"));
    }

    @Test
    void shouldMakeAGetThatNeedsAnArgumentBesidesItsKeyAnOperationField() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                      parameters: [{name: api-version, in: query, required: true, schema: {type: string}}]
                """ + "components:\n" + THING);

        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).singleElement().satisfies(field -> {
            assertThat(field.isQuery()).isTrue();
            assertThat(field.operation().parameters()).extracting(Parameter::name, Parameter::wireName)
                    .containsExactly(tuple("id", "id"), tuple("apiVersion", "api-version"));
        });
    }

    @Test
    void shouldNameAPathVariableThatIsNoGraphQLNameAsItsArgument() {
        OpenApiMapping mapping = map30("""
                paths:
                  /things/{thing-id}:
                    get:
                      parameters: [{name: thing-id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: a thing, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
                """ + "components:\n" + THING);

        Operation get = operation(only(mapping), OperationKind.GET);
        assertThat(get.path()).isEqualTo("/things/{thingId}");
        assertThat(get.parameters()).extracting(Parameter::name, Parameter::wireName).containsExactly(tuple("thingId", "thingId"));
    }

    @Test
    void shouldMapIdsInOpenApisDefaultStyleToRepeatedParameters() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      parameters: [{name: ids, in: query, required: true, schema: {type: array, items: {type: string}}}]
                      responses: %s
                """.formatted(THINGS) + "components:\n" + THING);

        assertThat(mapping.unmapped()).isEmpty();
        Parameter ids = operation(only(mapping), OperationKind.MULTI_GET).parameters().getFirst();
        assertThat(ids.name()).isEqualTo("ids");
        assertThat(ids.style()).isEqualTo(Parameter.Style.FORM);
        assertThat(ids.explode()).as("OpenAPI's default for form: ids=a&ids=b").isTrue();
        assertThat(mapping.notes()).isEmpty();
    }

    @Test
    void shouldMakeAListWhoseElementsAreNotTheModelAnOperationField() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                  /things:
                    get:
                      responses: {'200': {description: summaries, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/ThingSummary'}}}}}}
                """ + "components:\n" + THING + """
                    ThingSummary:
                      type: object
                      properties: {id: {type: string}}
                """);

        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).singleElement().satisfies(field -> {
            assertThat(field.name()).isEqualTo("things");
            assertThat(field.result().toString()).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"ThingSummary\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":[\"null\",\"string\"],\"default\":null}]}}");
        });
    }

    @Test
    void shouldMakeASecondOperationOfTheSameKindAnOperationField() {
        OpenApiMapping mapping = map30("paths:\n" + GET_THING + """
                  /owners/{ownerId}/things:
                    get:
                      x-tributary-resource: things
                      x-tributary-finder: byOwner
                      parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
                      responses: %s
                  /things/by-owner/{ownerId}:
                    get:
                      x-tributary-finder: byOwner
                      parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
                      responses: %s
                """.formatted(THINGS, THINGS) + "components:\n" + THING);

        assertThat(operation(only(mapping), OperationKind.FINDER).path()).isEqualTo("/owners/{ownerId}/things");
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.operations()).extracting(OperationField::name).containsExactly("thingsByOwnerByOwnerId");
    }

    @Test
    void shouldTakeScopesFromTheSecurityRequirementsAndDeprecationAndDescription() {
        Resource things = only(map30("""
                security: [{oauth: [things:read]}]
                paths:
                  /things/{id}:
                    get:
                      summary: A thing.
                      deprecated: true
                      security: [{oauth: [things:read, things:audit]}, {apiKey: []}]
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: a thing, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
                    delete:
                      description: Deletes a thing.
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: deleted}}
                """ + "components:\n" + THING));

        Operation get = operation(things, OperationKind.GET);
        assertThat(get.scopes()).containsExactly("things:audit", "things:read");
        assertThat(get.deprecationReason()).isEqualTo("Deprecated in the service's OpenAPI document.");
        assertThat(get.description()).isEqualTo("A thing.");
        assertThat(operation(things, OperationKind.DELETE).scopes()).containsExactly("things:read");
        assertThat(operation(things, OperationKind.DELETE).description()).isEqualTo("Deletes a thing.");
    }

    @Test
    void shouldTakeTheFieldsParameterAsProjection() {
        Resource things = only(map30("paths:\n" + GET_THING + """
                      parameters: [{name: fields, in: query, schema: {type: string}}]
                """ + "components:\n" + THING));

        Operation get = operation(things, OperationKind.GET);
        assertThat(get.projection()).isTrue();
        assertThat(get.parameters()).extracting(Parameter::name).containsExactly("id");
    }

    @Test
    void shouldOfferAParametersDefaultValueAsItsArgumentsDefault() {
        OpenApiMapping mapping = map30("""
                paths:
                  /reports:
                    get:
                      operationId: getReports
                      parameters:
                        - {name: year, in: query, schema: {type: integer, default: 2025}}
                        - {name: region, in: query, schema: {type: string, default: north}}
                        - {name: detailed, in: query, schema: {type: boolean, default: false}}
                      responses: {'200': {description: reports, content: {application/json: {schema: {type: object, properties: {total: {type: number}}}}}}}
                """);

        io.tributary.catalog.ServiceCatalog catalog = new io.tributary.catalog.ServiceCatalog("reports", "i-1", "1", java.time.Instant.EPOCH,
                "http://localhost:1", 30_000, mapping.resources(), mapping.operations());
        io.tributary.compose.ComposedGraph graph = new io.tributary.compose.GraphComposer()
                .compose(java.util.List.of(io.tributary.fold.EffectiveCatalog.of(java.util.List.of(catalog))));

        assertThat(graph.diagnostics()).isEmpty();
        assertThat(graph.schema().getQueryType().getFieldDefinition("reports").getArguments())
                .extracting(a -> a.getName() + " = " + graphql.schema.InputValueWithState.class.cast(a.getArgumentDefaultValue()).getValue())
                .containsExactlyInAnyOrder("year = 2025", "region = north", "detailed = false");
        assertThat(graph.sdl()).contains("year: Int = 2025");
    }
}
