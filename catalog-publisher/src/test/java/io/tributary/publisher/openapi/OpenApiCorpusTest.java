package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public OpenAPI documents as published (see {@code openapi-corpus/README.md} for their sources and licences), each
 * mapped without edits: its mapping report is a golden file, and the corpus figure (operations mapped out of all
 * operations, and why the rest were not) is one too, printed for the record.
 */
class OpenApiCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/openapi-corpus");

    static List<String> documents() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") || f.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void shouldMapEachDocumentAsItsGoldenReportSays(String document) {
        CorpusReport report = CorpusReport.of(CORPUS.resolve(document));
        Golden.assertMatches(report.text(), CORPUS.resolve("reports").resolve(document.replaceAll("\\.(yaml|json)$", ".report.txt")));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void shouldComposeEachDocumentIntoAValidGraphQLSchema(String document) {
        OpenApiMapping mapping = OpenApiCatalogReader.read(CORPUS.resolve(document).toString());
        CatalogChecks.assertComposesAndRoundTrips(document.replaceAll("[^a-z0-9]", ""), mapping);
    }

    @Test
    void shouldMeasureTheCorpus() {
        List<CorpusReport> reports = documents().stream().map(d -> CorpusReport.of(CORPUS.resolve(d))).toList();
        String figure = CorpusReport.figure(reports);
        System.out.println(figure);
        assertThat(reports).hasSizeGreaterThanOrEqualTo(15);
        Golden.assertMatches(figure, CORPUS.resolve("FIGURE.txt"));
    }
}
