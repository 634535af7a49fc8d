package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tributary.catalog.Resource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class OpenApiCatalogReaderTest {

    @Test
    void shouldFailOnAnUnparsableDocumentWithTheParsersLocation() {
        assertThatThrownBy(() -> OpenApiCatalogReader.read(Golden.document("unparsable.yaml")))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageStartingWith("src/test/resources/openapi/unparsable.yaml: not a readable OpenAPI 3.0, 3.1 or Swagger 2.0 document")
                .hasMessageContaining("line 9, column 16")
                .hasMessageContaining("line 10, column 14");
    }

    @Test
    void shouldFailOnAMissingFileNamingIt() {
        assertThatThrownBy(() -> OpenApiCatalogReader.read("no/such/openapi.yaml"))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageStartingWith("no/such/openapi.yaml: no such file (")
                .hasMessageEndingWith("no/such/openapi.yaml)");
    }

    @Test
    void shouldConvertASwagger2DocumentAndMapIt() {
        OpenApiMapping mapping = OpenApiCatalogReader.read(Golden.document("swagger2.yaml"));

        assertThat(mapping.resources()).extracting(r -> r.qualifiedName() + " " + r.modelName() + " " + r.keyField())
                .containsExactly("things.v1 Thing id");
        assertThat(mapping.resources().getFirst().operations()).extracting(o -> o.kind() + " " + o.path())
                .containsExactly("GET /things/{id}");
        assertThat(mapping.notes()).contains("parser: converted from Swagger 2.0 to OpenAPI 3.0.1");
    }

    @Test
    void shouldResolveRefsIntoOtherFilesRelativeToTheDocument() {
        OpenApiMapping mapping = OpenApiCatalogReader.read(Golden.document("split/api.yaml"));

        Resource things = Documents.only(mapping);
        assertThat(things.modelName()).isEqualTo("Thing");
        assertThat(things.model().getField("nickname").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(things.model().getField("owner").schema().getTypes()).extracting(Schema::getName).containsExactly("null", "Owner");
    }

    @Test
    void shouldReadADocumentFromAUrl() throws IOException {
        byte[] document = Files.readAllBytes(Path.of(Golden.document("parcelwise.yaml")));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openapi.yaml", exchange -> {
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort();

            OpenApiMapping mapping = OpenApiCatalogReader.read(url + "/openapi.yaml");

            assertThat(mapping).isEqualTo(OpenApiCatalogReader.read(Golden.document("parcelwise.yaml")));
            assertThatThrownBy(() -> OpenApiCatalogReader.read(url + "/elsewhere.yaml"))
                    .isInstanceOf(InvalidOpenApiDocumentException.class)
                    .hasMessage(url + "/elsewhere.yaml: GET answered 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldFailOnAnUnreachableUrlSayingWhy() {
        assertThatThrownBy(() -> OpenApiCatalogReader.read("http://localhost:1/openapi.yaml"))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageStartingWith("http://localhost:1/openapi.yaml: cannot fetch it: java.net.ConnectException");
    }
}
