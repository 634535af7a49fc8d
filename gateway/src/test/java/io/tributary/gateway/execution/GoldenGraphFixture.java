package io.tributary.gateway.execution;

import io.tributary.gateway.rest.client.RestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The golden graph on real HTTP fixture services, shared by a test class: started once, its request log cleared
 * before each test. Execution tests that only query it extend this.
 */
abstract class GoldenGraphFixture {
    static FixtureServices services;
    static Graphs graphs;

    @BeforeAll
    static void startGoldenGraph() {
        services = new FixtureServices();
        graphs = new Graphs(services.catalogs(), RestSettings.defaults());
    }

    @AfterAll
    static void stopGoldenGraph() {
        graphs.close();
        services.close();
    }

    @BeforeEach
    void clearRequests() {
        services.clear();
    }
}
