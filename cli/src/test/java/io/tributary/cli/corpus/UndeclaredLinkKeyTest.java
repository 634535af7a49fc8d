package io.tributary.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.gateway.request.GatewayRequest;
import io.tributary.gateway.rest.client.RestClient;
import io.tributary.gateway.rest.client.RestSettings;
import io.tributary.gateway.schema.ExecutableGraph;
import io.tributary.gateway.schema.ExecutableGraphFactory;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapping;
import io.tributary.view.Cause;
import io.tributary.view.FoldState;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Apideck's {@code Lead.contact}: the document links a lead to its contact by {@code $response.body#/data/contact_id},
 * which its Lead schema does not declare. The gateway reads the key from what the service really answers, loads each
 * contact once however many leads name it, and answers null, without a call, for a lead that has none.
 */
class UndeclaredLinkKeyTest {
    private static final Path DOCUMENT = Path.of("../catalog-publisher/src/test/resources/openapi-corpus/apideck-crm.json");

    @Test
    void shouldLoadTheContactOfEachLeadFromTheUndeclaredContactIdOncePerContact() throws Exception {
        OpenApiMapping mapping = OpenApiCatalogReader.read(DOCUMENT.toString());
        try (StubService stub = new StubService(OpenApiCatalogReader.parse(DOCUMENT.toString(), Files.readString(DOCUMENT)));
             RestClient client = new RestClient(RestSettings.defaults(), new SimpleMeterRegistry())) {
            stub.answer("GET /crm/leads", Map.of("status_code", 200, "status", "OK", "service", "salesforce", "resource", "leads",
                    "operation", "all", "data", List.of(
                            Map.of("id", "l1", "name", "Ada", "contact_id", "c1"),
                            Map.of("id", "l2", "name", "Grace", "contact_id", "c2"),
                            Map.of("id", "l3", "name", "Edsger", "contact_id", "c1"),
                            Map.of("id", "l4", "name", "Barbara"))));
            ServiceCatalog catalog = new ServiceCatalog("crm", "i-1", "1", Instant.EPOCH, stub.baseUrl(), 30_000,
                    mapping.resources(), mapping.operations());
            SchemaView view = new ViewFold("default").next(Optional.empty(), List.of(catalog), FoldState.EMPTY, List.of(),
                    new Cause("t", 0, 1, "crm/i-1"), Instant.EPOCH).view().orElseThrow();
            ExecutableGraph graph = new ExecutableGraphFactory(client, List.of(), Clock.systemUTC()).build(view);

            ExecutionResult result = graph.execute(GatewayRequest.of("{ leads { id contact { id } } }"));

            assertThat(result.getErrors()).as(view.sdl()).isEmpty();
            Map<String, Object> data = result.getData();
            assertThat(data.toString()).isEqualTo("{leads=[{id=l1, contact={id=1}}, {id=l2, contact={id=1}}, "
                    + "{id=l3, contact={id=1}}, {id=l4, contact=null}]}");
            // The narrowed call for the leads keeps the key the relation reads, although the schema does not declare it.
            assertThat(stub.hits()).extracting(StubService.Hit::uri).containsExactlyInAnyOrder(
                    "/crm/leads?raw=false&limit=100&fields=contact_id,id", "/crm/contacts/c1?fields=id", "/crm/contacts/c2?fields=id");
        }
    }
}
