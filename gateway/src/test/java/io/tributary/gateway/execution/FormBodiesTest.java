package io.tributary.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.catalog.BodyEncoding;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.rest.client.RestSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operations whose body the document says is a URL-encoded form, against a real Micronaut service that takes only
 * forms and decodes them itself: the gateway sends the form, each property a pair, a list its name repeated, a
 * free-form value as JSON text; a JSON body would be refused with 415.
 */
class FormBodiesTest {
    private static final String SPEC = "FormBodiesTest";

    private final ApplicationContext pets = ApplicationContext.run(Map.of("spec.name", SPEC, "micronaut.server.port", -1));
    private final Graphs graphs;

    FormBodiesTest() {
        pets.getBean(EmbeddedServer.class).start();
        graphs = new Graphs(List.of(catalog(pets.getBean(EmbeddedServer.class).getURL().toString())), RestSettings.defaults());
    }

    @AfterEach
    void stop() {
        graphs.close();
        pets.close();
    }

    /** Takes forms only, and answers what it decoded. */
    @Controller("/pets")
    @Requires(property = "spec.name", value = SPEC)
    static final class PetForms {
        @Post(uri = "/{petId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
        Map<String, Object> update(long petId, @Header("Content-Type") String contentType, @Body Map<String, Object> form) {
            Map<String, Object> decoded = new LinkedHashMap<>();
            decoded.put("id", petId);
            decoded.put("contentType", contentType);
            decoded.put("form", new TreeMap<>(form).toString());
            return decoded;
        }

        @Post(uri = "/{petId}/rename", consumes = MediaType.APPLICATION_FORM_URLENCODED)
        Map<String, Object> rename(long petId, String name, @Nullable String note) {
            return Map.of("id", petId, "contentType", MediaType.APPLICATION_FORM_URLENCODED, "form", "name=" + name + ", note=" + note);
        }
    }

    @Test
    void shouldSendAnOperationFieldsInputAsAForm() {
        ExecutionResult result = graphs.execute("""
                mutation { petUpdateWithForm(petId: 7, input: {name: "Rex & Co", tags: ["a b", "c"], extra: {k: 1}}) { id contentType form } }""");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("petUpdateWithForm", Map.of("id", 7,
                "contentType", "application/x-www-form-urlencoded",
                "form", "{extra={\"k\":1}, name=Rex & Co, tags=[a b, c]}")));
    }

    @Test
    void shouldSendArgumentsSpreadOverTheBodyAsAFormLeavingOutThoseNotGiven() {
        ExecutionResult result = graphs.execute("mutation { petRename(petId: 7, name: \"Rex\") { id form } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("petRename", Map.of("id", 7, "form", "name=Rex, note=null")));
    }

    private static ServiceCatalog catalog(String baseUrl) {
        Schema input = new Schema.Parser().parse("""
                {"type": "record", "name": "PetForm", "fields": [
                  {"name": "name", "type": "string"},
                  {"name": "tags", "type": ["null", {"type": "array", "items": "string"}], "default": null},
                  {"name": "extra", "type": ["null", {"type": "map", "values": "string"}], "default": null}]}""");
        Schema answer = new Schema.Parser().parse("""
                {"type": "record", "name": "Decoded", "fields": [
                  {"name": "id", "type": "long"}, {"name": "contentType", "type": "string"}, {"name": "form", "type": "string"}]}""");
        Parameter petId = Parameter.of("petId", Schema.Type.LONG, Location.PATH, true, "");
        return new ServiceCatalog("pets", "i-1", "1.0.0", Instant.EPOCH, baseUrl, 30_000, List.of(), List.of(
                new OperationField(Operation.builder(OperationKind.CALL, "POST", "/pets/{petId}").name("petUpdateWithForm")
                        .parameters(List.of(petId, new Parameter("input", input, Location.BODY, true, "")))
                        .bodyEncoding(BodyEncoding.FORM).build(), answer),
                new OperationField(Operation.builder(OperationKind.CALL, "POST", "/pets/{petId}/rename").name("petRename")
                        .parameters(List.of(petId, Parameter.of("name", Schema.Type.STRING, Location.BODY, true, ""),
                                new Parameter("note", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                                        Location.BODY, false, "")))
                        .bodyEncoding(BodyEncoding.FORM).build(), answer)));
    }
}
