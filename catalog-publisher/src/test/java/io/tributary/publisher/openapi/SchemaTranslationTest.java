package io.tributary.publisher.openapi;

import static io.tributary.publisher.openapi.Documents.only;
import static io.tributary.publisher.openapi.Documents.thingModel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaTranslationTest {

    @Test
    void shouldNameNestedObjectsAfterTheirParentAndPropertyAndComponentsAfterTheComponent() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, owner]
                properties:
                  id: {type: string}
                  owner: {$ref: '#/components/schemas/Person'}
                  dimensions:
                    type: object
                    properties:
                      depth: {type: object, properties: {cm: {type: number}}}
                  parts:
                    type: array
                    items: {type: object, properties: {label: {type: string}}}
              Person:
                type: object
                properties: {name: {type: string}}
              """)).model();

        assertThat(model.getName()).isEqualTo("Thing");
        assertThat(model.getField("owner").schema().getName()).isEqualTo("Person");
        Schema dimensions = nonNull(model.getField("dimensions").schema());
        assertThat(dimensions.getName()).isEqualTo("ThingDimensions");
        assertThat(nonNull(dimensions.getField("depth").schema()).getName()).isEqualTo("ThingDimensionsDepth");
        assertThat(nonNull(model.getField("parts").schema()).getElementType().getName()).isEqualTo("ThingPart");
    }

    @Test
    void shouldMapStringEnumsToAvroEnums() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, size, status]
                properties:
                  id: {type: string}
                  size: {type: string, enum: [SMALL, LARGE], description: How big.}
                  status: {$ref: '#/components/schemas/Status'}
              Status:
                type: string
                enum: [active, retired]
              """)).model();

        Schema size = model.getField("size").schema();
        assertThat(size.getType()).isEqualTo(Schema.Type.ENUM);
        assertThat(size.getName()).isEqualTo("ThingSize");
        assertThat(size.getEnumSymbols()).containsExactly("SMALL", "LARGE");
        assertThat(model.getField("size").doc()).isEqualTo("How big.");
        assertThat(model.getField("status").schema().getName()).isEqualTo("Status");
        assertThat(model.getField("status").schema().getEnumSymbols()).containsExactly("active", "retired");
    }

    @Test
    void shouldMapAnEnumWhoseValuesAreNoValidNamesToAStringAndSaySo() {
        OpenApiMapping mapping = thingModel("3.0.3", """
                type: object
                required: [id, region]
                properties:
                  id: {type: string}
                  region: {type: string, enum: [eu-west, us_east, 'null']}
                """);

        assertThat(only(mapping).model().getField("region").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(mapping.notes()).containsExactly(
                "Thing.region: enum mapped as a string: ['eu-west', 'null'] are not valid GraphQL enum values");
    }

    @Test
    void shouldMapFormatsToAvroTypesAndLogicalTypes() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, born, seenAt, ref, count, total, ratio, weight, price, rate, flag]
                properties:
                  id: {type: string}
                  born: {type: string, format: date}
                  seenAt: {type: string, format: date-time}
                  ref: {type: string, format: uuid}
                  count: {type: integer, format: int32}
                  total: {type: integer, format: int64}
                  ratio: {type: number}
                  weight: {type: number, format: float}
                  price: {type: number, format: decimal, multipleOf: 0.01}
                  rate: {type: number, format: double}
                  flag: {type: boolean}
                """)).model();

        assertThat(model.getField("born").schema().toString()).isEqualTo("{\"type\":\"int\",\"logicalType\":\"date\"}");
        assertThat(model.getField("seenAt").schema().toString()).isEqualTo("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        assertThat(model.getField("ref").schema().toString()).isEqualTo("{\"type\":\"string\",\"logicalType\":\"uuid\"}");
        assertThat(model.getField("count").schema().getType()).isEqualTo(Schema.Type.INT);
        assertThat(model.getField("total").schema().getType()).isEqualTo(Schema.Type.LONG);
        assertThat(model.getField("ratio").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(model.getField("weight").schema().getType()).isEqualTo(Schema.Type.FLOAT);
        assertThat(model.getField("price").schema().toString())
                .isEqualTo("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":38,\"scale\":2}");
        assertThat(model.getField("rate").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(model.getField("flag").schema().getType()).isEqualTo(Schema.Type.BOOLEAN);
    }

    @Test
    void shouldMapAdditionalPropertiesToAMapAndAFreeFormObjectToAMapWithANote() {
        OpenApiMapping mapping = thingModel("3.0.3", """
                type: object
                required: [id, labels, extra]
                properties:
                  id: {type: string}
                  labels: {type: object, additionalProperties: {type: integer}}
                  extra: {type: object}
                """);

        Schema model = only(mapping).model();
        assertThat(model.getField("labels").schema().toString()).isEqualTo("{\"type\":\"map\",\"values\":\"int\"}");
        assertThat(model.getField("extra").schema().getType()).isEqualTo(Schema.Type.MAP);
        assertThat(mapping.notes()).containsExactly("Thing.extra: a free-form object, mapped as a map (the GraphQL JSON scalar)");
    }

    @Test
    void shouldMapAnOptionalPropertyToANullableFieldWithDefaultNull() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id]
                properties:
                  id: {type: string}
                  nickname: {type: string}
                """)).model();

        assertThat(model.getField("id").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(model.getField("nickname").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(model.getField("nickname").hasDefaultValue()).isTrue();
        assertThat(model.getField("nickname").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    }

    @Test
    void shouldMapA30NullablePropertyToAUnionWithNull() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, endedAt]
                properties:
                  id: {type: string}
                  endedAt: {type: string, format: date-time, nullable: true}
                """)).model();

        assertThat(model.getField("endedAt").schema().toString())
                .isEqualTo("[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]");
        assertThat(model.getField("endedAt").hasDefaultValue()).isFalse();
    }

    @Test
    void shouldMapA31TypeArrayWithNullToANullableField() {
        Schema model = only(thingModel("3.1.0", """
                type: object
                required: [id, nickname, score]
                properties:
                  id: {type: string}
                  nickname: {type: [string, 'null']}
                  score: {type: [integer, 'null'], format: int64}
                """)).model();

        assertThat(model.getField("nickname").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(model.getField("score").schema().toString()).isEqualTo("[\"null\",\"long\"]");
    }

    @Test
    void shouldMapA31OneOfOfARefAndNullToANullableRecord() {
        Schema model = only(thingModel("3.1.0", """
                type: object
                required: [id, parent]
                properties:
                  id: {type: string}
                  parent:
                    oneOf:
                      - $ref: '#/components/schemas/Thing'
                      - type: 'null'
                """)).model();

        Schema parent = model.getField("parent").schema();
        assertThat(parent.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(parent.getTypes()).extracting(Schema::getType).containsExactly(Schema.Type.NULL, Schema.Type.RECORD);
        assertThat(parent.getTypes().get(1)).isSameAs(model);
    }

    @Test
    void shouldMapARecursiveComponentToARecordThatRefersToItself() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id]
                properties:
                  id: {type: string}
                  children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                """)).model();

        assertThat(nonNull(model.getField("children").schema()).getElementType()).isSameAs(model);
        assertThat(new Schema.Parser().parse(model.toString())).isEqualTo(model);
    }

    @Test
    void shouldMergeTheObjectsOfAnAllOf() {
        Schema model = only(thingModel("3.0.3", """
                allOf:
                  - $ref: '#/components/schemas/Base'
                  - type: object
                    required: [name]
                    properties: {name: {type: string}}
                description: A thing built on a base.
              Base:
                type: object
                required: [id]
                properties: {id: {type: string}, createdAt: {type: string, format: date-time}}
              """)).model();

        assertThat(model.getFields()).extracting(Schema.Field::name).containsExactly("id", "createdAt", "name");
        assertThat(model.getField("name").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(model.getDoc()).isEqualTo("A thing built on a base.");
    }

    @Test
    void shouldMapAOneOfOfObjectsToAUnionOfRecords() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, payment]
                properties:
                  id: {type: string}
                  payment:
                    oneOf:
                      - $ref: '#/components/schemas/Card'
                      - $ref: '#/components/schemas/Transfer'
              Card: {type: object, properties: {last4: {type: string}}}
              Transfer: {type: object, properties: {iban: {type: string}}}
              """)).model();

        assertThat(model.getField("payment").schema().getTypes()).extracting(Schema::getName).containsExactly("Card", "Transfer");
    }

    @Test
    void shouldLeaveOutPropertiesWithInvalidNamesAndWriteOnlyPropertiesAndSaySoForTheFormer() {
        OpenApiMapping mapping = thingModel("3.0.3", """
                type: object
                required: [id]
                properties:
                  id: {type: string}
                  '@type': {type: string}
                  password: {type: string, writeOnly: true}
                """);

        assertThat(only(mapping).model().getFields()).extracting(Schema.Field::name).containsExactly("id");
        assertThat(mapping.notes()).containsExactly("Thing: left out property '@type': not a valid field name");
    }

    @Test
    void shouldCarryDescriptionsAndDeprecationIntoTheModel() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                description: Something worth having.
                required: [id]
                properties:
                  id: {type: string, description: Identifies it.}
                  oldName: {type: string, deprecated: true}
                """)).model();

        assertThat(model.getDoc()).isEqualTo("Something worth having.");
        assertThat(model.getField("id").doc()).isEqualTo("Identifies it.");
        assertThat(model.getField("oldName").getProp("deprecated")).isEqualTo("Deprecated in the service's OpenAPI document.");
    }

    @Test
    void shouldKeepGeneratedNamesDistinctFromComponentNames() {
        Schema model = only(thingModel("3.0.3", """
                type: object
                required: [id, size]
                properties:
                  id: {type: string}
                  size: {type: object, properties: {cm: {type: integer}}}
                  other: {$ref: '#/components/schemas/ThingSize'}
              ThingSize:
                type: string
                enum: [S, M]
              """)).model();

        assertThat(model.getField("size").schema().getName()).isEqualTo("ThingSize2");
        assertThat(nonNull(model.getField("other").schema()).getName()).isEqualTo("ThingSize");
        assertThat(new Schema.Parser().parse(model.toString())).isEqualTo(model);
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> rest = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        assertThat(rest).hasSize(1);
        return rest.getFirst();
    }
}
