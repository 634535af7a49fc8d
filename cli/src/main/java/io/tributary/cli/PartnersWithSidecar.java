package io.tributary.cli;

import io.tributary.avro.Topics;
import io.tributary.examples.ExampleService;
import io.tributary.examples.partners.PartnersApp;
import io.tributary.publisher.openapi.OpenApiSidecar;
import java.net.URI;

/**
 * The partners example as it would run in production: a service with no publisher inside, and the OpenAPI sidecar
 * next to it publishing its catalog. Closing retracts the catalog before the service stops.
 */
final class PartnersWithSidecar implements ExampleService {
    private final PartnersApp app;
    private final OpenApiSidecar sidecar;

    private PartnersWithSidecar(PartnersApp app, OpenApiSidecar sidecar) {
        this.app = app;
        this.sidecar = sidecar;
    }

    static PartnersWithSidecar start(int port, String bootstrapServers, Topics topics, String baseUrl) {
        PartnersApp app = PartnersApp.start(port);
        try {
            OpenApiSidecar sidecar = OpenApiSidecar.start(OpenApiSidecar.Settings
                    .of(app.openApiUri().toString(), "partners", baseUrl == null ? app.uri().toString() : baseUrl, bootstrapServers)
                    .withTopics(topics));
            return new PartnersWithSidecar(app, sidecar);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    @Override
    public URI uri() {
        return app.uri();
    }

    @Override
    public void close() {
        try {
            sidecar.close();
        } finally {
            app.close();
        }
    }
}
