package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.aggregator.AggregatorHttpApi;
import io.tributary.aggregator.SchemaAggregator;
import io.tributary.avro.CatalogJson;
import io.tributary.avro.TopicProvisioner;
import io.tributary.avro.Topics;
import io.tributary.avro.TributarySerdes;
import io.tributary.catalog.GraphCatalogs;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.cli.ops.ClusterState;
import io.tributary.cli.ops.TopicLog;
import io.tributary.curation.CurationRule;
import io.tributary.examples.ExampleService;
import io.tributary.gateway.Gateway;
import io.tributary.publisher.InstancePublication;
import io.tributary.testkit.EmbeddedKafka;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator console in a real browser (headless Chromium, driven through chromedriver) against a running system:
 * a real broker, the aggregator with its HTTP API, a gateway and the example services publishing. A deploy, a
 * rollback, a lease expiry, a curation change and a rejected event happen while a page is open, and the page must
 * show each without being reloaded. Screenshots of every page go to {@code target/console-screenshots}, from where
 * {@code docs/console/} takes them.
 *
 * <p>Skipped, with the reason, where Debian's {@code chromium} and {@code chromium-driver} are not installed (or where
 * the paths given by {@code tributary.chromium} and {@code tributary.chromedriver} lead to nothing).
 */
class ConsoleBrowserIT {
    /** Debian's paths; {@code -Dtributary.chromium=...} and {@code -Dtributary.chromedriver=...} point elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("tributary.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("tributary.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private EmbeddedKafka kafka;
    private final Topics topics = new Topics("console-it");
    private final List<AutoCloseable> running = new ArrayList<>();
    private SchemaAggregator aggregator;
    private AggregatorHttpApi api;
    private Gateway gateway;
    private ExampleService coursesV2;
    private WebDriver browser;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The console's browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": install them with 'sudo apt-get install -y chromium chromium-driver' (Debian, Ubuntu)");
        kafka = EmbeddedKafka.shared();
        TopicProvisioner.ensure(kafka.bootstrapServers(), topics, (short) 1);
        aggregator = keep(SchemaAggregator.start(SchemaAggregator.Config.builder(kafka.bootstrapServers()).applicationId("console-it")
                .topics(topics).stateDir(dir.resolve("state")).expiryGrace(Duration.ZERO).build()));
        api = keep(AggregatorHttpApi.start(aggregator, 0));
        gateway = keep(Gateway.start(0, kafka.bootstrapServers(), topics, Map.of(
                "tributary.gateway.serving.cache-dir", dir.resolve("cache").toString(),
                "tributary.gateway.serving.gateway-id", "gw-1", "tributary.gateway.usage.interval", "500ms")));
        coursesV2 = keep(Examples.courses.start("v2", 0, kafka.bootstrapServers(), topics));
        keep(Examples.instructors.start("v2", 0, kafka.bootstrapServers(), topics));
        keep(Examples.enrollments.start("v2", 0, kafka.bootstrapServers(), topics));
        awaitView(v -> v.services().size() == 3);
        browser = keep(headlessChromium());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Test
    void shouldShowTheGraphAndFollowItLiveWithoutReloading() throws Exception {
        open("#services");
        awaitPage().untilAsserted(() -> assertThat(rows("#instances tr[data-instance^='courses/']")).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("2.0.0", "STABLE", "live")));
        assertThat(text("#instances")).contains("instructors", "enrollments").containsPattern("\\d+s of \\d+");
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMarker = 'still the same page'");

        assertThat(query("query CourseDuration { course(id: \"c-2\") { id title durationMinutes } }", "web", "1.0"))
                .contains("durationMinutes");

        SchemaView beforeDeploy = aggregator.currentView().orElseThrow();
        keep(Examples.courses.start("v1", 0, kafka.bootstrapServers(), topics));
        SchemaView deployed = awaitView(v -> v.services().stream().anyMatch(s -> s.instances().size() == 2));
        awaitPage().untilAsserted(() -> assertThat(rows("#instances tr[data-instance^='courses/']")).hasSize(2)
                .allSatisfy(row -> assertThat(row.getText()).contains("ROLLING", "rolling")));
        assertThat(text("#instances")).contains("1.0.0", "2.0.0");
        screenshot("services");

        open("#timeline");
        coursesV2.close();
        running.remove(coursesV2);
        SchemaView rolledBack = awaitView(v -> v.cause().kind() == Cause.EventKind.RETRACTED);
        awaitPage().untilAsserted(() -> assertThat(text("#timeline tr[data-version='" + rolledBack.version() + "']"))
                .contains("RETRACTED", "2.0.0"));
        assertThat(text("#timeline tr[data-version='" + deployed.version() + "']")).contains("PUBLISHED", "1.0.0").containsPattern("\\d+ breaking");
        awaitPage().untilAsserted(() -> assertThat(text("#timeline tr[data-broke='" + deployed.version() + "']"))
                .contains("broke 1 operation", "CourseDuration", "web@1.0"));
        browser.findElement(By.cssSelector("#timeline tr[data-version='" + deployed.version() + "']")).click();
        awaitPage().untilAsserted(() -> assertThat(text("#timeline")).contains("Course.durationMinutes"));
        open("#timeline/" + beforeDeploy.version() + ".." + rolledBack.version());
        awaitPage().untilAsserted(() -> assertThat(text("#diff")).contains("View " + beforeDeploy.version() + " → view " + rolledBack.version()));
        assertThat(rows("#diff-table tr.DELETE, #diff-table tr.CHANGE")).extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains("durationMinutes"));
        assertThat(text("#diff")).contains("BREAKING", "Course.durationMinutes");
        screenshot("timeline");

        open("#services");
        ServiceCatalog partners = GraphCatalogs.partners();
        keep(InstancePublication.start(new ServiceCatalog(partners.service(), "crashed", "3.1.0", partners.publishedAt(),
                partners.baseUrl(), 1_000, partners.resources()), InstancePublication.Settings.of(kafka.bootstrapServers(), topics)
                .withHeartbeatInterval(Duration.ofHours(1))));
        awaitView(v -> v.cause().kind() == Cause.EventKind.EXPIRED);
        awaitPage().untilAsserted(() -> assertThat(text("#instances tr[data-instance='partners/crashed']"))
                .contains("3.1.0", "expired"));
        screenshot("services-expired");

        open("#gateways");
        long beforeCuration = aggregator.currentView().orElseThrow().version();
        awaitPage().untilAsserted(() -> assertThat(text("#gateways tr[data-gateway='gw-1']")).contains("view " + beforeCuration, "ok"));
        send(topics.curation(), "describe-title", TributarySerdes.curation().serializer().serialize(topics.curation(),
                new CurationRule.Describe("describe-title", "Course.title", "The title learners see in the catalog.")));
        SchemaView curated = awaitView(v -> v.cause().kind() == Cause.EventKind.CURATED);
        awaitPage().untilAsserted(() -> assertThat(text("#gateways tr[data-gateway='gw-1']")).contains("view " + curated.version()));
        assertThat(text("#drift")).isEqualTo("No drift: every gateway serves view " + curated.version() + ".");
        assertThat(text("#gateways tr[data-gateway='gw-1']")).contains("1 operation");
        awaitPage().untilAsserted(() -> assertThat(text("#gateway-broken tr[data-gateway='gw-1'][data-operation='CourseDuration']"))
                .as("the operation the rollback broke, named by the gateway, with the client that sent it")
                .contains("view " + curated.version(), "web@1.0 ×1", "query CourseDuration", "durationMinutes"));
        screenshot("gateways");

        open("#curation");
        awaitPage().untilAsserted(() -> assertThat(text("#rules tr[data-rule='describe-title']"))
                .contains("describe", "Course.title", "The title learners see in the catalog.", "view " + curated.version()));
        screenshot("curation");

        open("#schema/Course.durationMinutes");
        awaitPage().untilAsserted(() -> assertThat(text("#blame")).contains("INTRODUCED", "REMOVED", "1.0.0"));
        assertThat(text("#type-name")).startsWith("Course");
        assertThat(text("#fields tr[data-field='Course.title']")).contains("The title learners see in the catalog.");
        assertThat(text("#fields")).doesNotContain("durationMinutes");
        screenshot("schema");
        open("#schema/Query.course");
        awaitPage().untilAsserted(() -> assertThat(text("#fields tr[data-field='Query.course']"))
                .contains("courses", "GET /courses/{id}"));

        open("#rejected");
        awaitPage().untilAsserted(() -> assertThat(text("#page")).contains("No event has been rejected."));
        send(topics.catalog(), "courses/forged", "not an avro catalog".getBytes(StandardCharsets.UTF_8));
        awaitPage().untilAsserted(() -> assertThat(text("#rejected")).contains("courses/forged", "undecodable catalog"));
        screenshot("rejected");

        assertThat(query("query CourseTitle { course(id: \"c-2\") { id title } }", "ios", "5.0")).contains("title");
        open("#usage");
        awaitPage().untilAsserted(() -> assertThat(text("#usage-operations tr[data-operation='CourseDuration']"))
                .contains("web@1.0 ×1", "durationMinutes"));
        awaitPage().untilAsserted(() -> assertThat(rows("#usage-operations tr[data-operation='CourseTitle']")).hasSize(1));
        assertThat(text("#usage-fields")).contains("Course.durationMinutes");
        screenshot("usage");

        open("#check");
        JsonNode withoutTitle = new ObjectMapper().readTree(CatalogJson.resources(liveCatalog("courses").resources()));
        withoutTitle.forEach(resource -> ((ArrayNode) resource.at("/model/fields")).removeIf(f -> f.path("name").asText().equals("title")));
        awaitPage().untilAsserted(() -> assertThat(rows("#check-form")).hasSize(1));
        browser.findElement(By.id("check-service")).sendKeys("courses");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('check-document').value = arguments[0]",
                withoutTitle.toPrettyString());
        browser.findElement(By.id("check-submit")).click();
        awaitPage().untilAsserted(() -> assertThat(text("#check-verdict")).contains("BREAKING", "CourseTitle (ios@5.0 ×1)"));
        assertThat(text("#check-broken tr[data-operation='CourseTitle']")).contains("ios@5.0 ×1", "title");
        assertThat(text("#check-result")).contains("tributary check would exit 1", "Course.title");
        screenshot("check");

        assertThat(((JavascriptExecutor) browser).executeScript("return window.consoleTestMarker"))
                .as("every update came through the event stream, without a reload").isEqualTo("still the same page");
    }

    /** The catalog a live instance of the service published, as {@code tributary check} reads the log. */
    private ServiceCatalog liveCatalog(String service) {
        try (TopicLog log = new TopicLog(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return new ClusterState(log, topics).liveInstances().values().stream().filter(c -> c.service().equals(service)).findFirst()
                    .orElseThrow();
        }
    }

    /** Sends a query to the gateway as a client naming itself in Apollo's headers; answers the response body. */
    private String query(String query, String client, String version) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(gateway.uri().resolve("/graphql"))
                    .header("Content-Type", "application/json").header("apollographql-client-name", client)
                    .header("apollographql-client-version", version)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private WebDriver headlessChromium() {
        // Both paths given: Selenium Manager finds nothing to look up, so it downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriver driver = new ChromeDriver(service, options);
        return driver;
    }

    /** Goes to a page of the console; only the first call loads it, the others change the hash as a click would. */
    private void open(String page) {
        if (browser.getCurrentUrl().startsWith(api.consoleUri().toString())) {
            ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0]", page);
        } else {
            browser.get(api.consoleUri() + page);
        }
    }

    private ConditionFactory awaitPage() {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private List<WebElement> rows(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    /** Waits for the aggregator's view to meet the condition, and for the gateway to serve it. */
    private SchemaView awaitView(Predicate<SchemaView> condition) {
        SchemaView[] found = new SchemaView[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregator.currentView().filter(condition).map(v -> found[0] = v).isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.current().map(g -> g.view().version()).orElse(0L) >= found[0].version());
        return found[0];
    }

    private <T> T keep(T part) {
        running.add(part instanceof WebDriver driver ? (AutoCloseable) driver::quit : (AutoCloseable) part);
        return part;
    }
}
