package io.tributary.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /graphiql}: the page, pointed at this gateway with its example queries, and its assets served by the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQLTest {
    private static final String EXAMPLES = "query Course { course(id: \"c-1\") { title } }\n# </script><script>alert(1)</script>";

    private RunningGateway gateway;

    @BeforeAll
    void start() {
        gateway = RunningGateway.start("GraphiQLTest", Map.of("tributary.gateway.graphiql.default-query", EXAMPLES));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void shouldServeGraphiQLPointedAtThisGatewaysEndpoint() {
        HttpResponse<String> page = gateway.get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("\"endpoint\":\"/graphql\"", "graphiql.min.js", "graphiql-init.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void shouldPreloadTheConfiguredExampleQueriesWithoutLettingThemEndTheScript() {
        String page = gateway.get("/graphiql").body();

        assertThat(page).contains("query Course { course(id: \\\"c-1\\\") { title } }");
        assertThat(page).doesNotContain("</script><script>alert(1)");
    }

    @Test
    void shouldServeEveryScriptAndStylesheetThePageLoadsFromTheGatewayItself() {
        String page = gateway.get("/graphiql").body();
        Matcher assets = Pattern.compile("(?:src|href)=\"(/graphiql/assets/[^\"]+)\"").matcher(page);
        List<String> paths = assets.results().map(m -> m.group(1)).toList();

        assertThat(paths).hasSize(5).allMatch(path -> path.startsWith("/graphiql/assets/"));
        for (String path : paths) {
            HttpResponse<String> asset = gateway.get(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(path.endsWith(".css") ? "text/css" : "text/javascript"));
        }
        HttpResponse<String> graphiql = gateway.get("/graphiql/assets/graphiql.min.js");
        assertThat(graphiql.body()).hasSizeGreaterThan(500_000).contains("GraphiQL");
    }

    @Test
    void shouldServeNothingButTheListedAssets() {
        assertThat(gateway.get("/graphiql/assets/graphiql.LICENSE").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/graphiql/assets/..%2Fgraphiql.html").statusCode()).isEqualTo(404);
    }
}
