package io.tributary.cli.ops;

import io.tributary.avro.CatalogJson;
import io.tributary.avro.RecordReplay;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapping;
import io.tributary.diagnostic.Diagnostic;
import io.tributary.view.CandidateDeploy;
import io.tributary.view.DeployVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary check}: what deploying this catalog would do to the current graph (composition errors, lint,
 * breaking changes), without publishing anything. Exit 0 when safe, 1 on breaking changes, 2 when it cannot compose,
 * 3 when lint errors would keep the graph from being served. The verdict is the core's ({@link DeployVerdict}): what the aggregator would do with the deploy's events.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "What a catalog would do to the current graph, without publishing. Exit 0 safe, 1 breaking, 2 not composable, 3 blocked by lint.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @ArgGroup(multiplicity = "1")
    Source source;
    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service the catalog belongs to.")
    String service;
    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;
    @Spec
    CommandSpec spec;

    /** Where the candidate catalog comes from. */
    static final class Source {
        @Option(names = "--catalog", paramLabel = "FILE", description = "A catalog file: the resources as JSON (the format of the golden files).")
        Path catalog;
        @Option(names = "--openapi", paramLabel = "FILE|URL", description = "An OpenAPI 3 document, mapped as the sidecar would.")
        String openapi;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Candidate candidate = candidate(out);
        RecordReplay replay;
        try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
            replay = new ClusterState(log, options.kafka().topics()).replay(options.graph());
        }
        DeployVerdict verdict = CandidateDeploy.of(service, candidate.resources(), candidate.operations(), Instant.now()).onto(replay.fold());
        int exit = switch (verdict.kind()) {
            case SAFE -> 0;
            case BREAKING -> 1;
            case NOT_COMPOSABLE -> 2;
            case BLOCKED -> 3;
        };
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("service", service);
            document.put("exitCode", exit);
            document.put("verdict", verdict.kind().name());
            document.put("errors", verdict.errors().stream().map(CheckCommand::diagnostic).toList());
            document.put("lint", verdict.lint().stream().map(CheckCommand::diagnostic).toList());
            document.put("blockedBy", verdict.blockedBy().stream().map(CheckCommand::diagnostic).toList());
            document.put("changes", verdict.changes().stream().map(c -> Map.of("level", c.level().name(), "category", c.category(),
                    "coordinate", c.coordinate(), "message", c.message())).toList());
            JsonOutput.print(out, document);
            return exit;
        }
        out.printf("Checking %d resources and %d operation fields of %s against view %s%n%n", candidate.resources().size(),
                candidate.operations().size(), service,
                verdict.before().map(v -> String.valueOf(v.version())).orElse("(none yet)"));
        section(out, "Composition errors", verdict.errors().stream().map(d -> new String[] {d.code(), d.where(), d.message()}).toList(),
                "CODE", "WHERE", "MESSAGE");
        section(out, "Lint", verdict.lint().stream().map(d -> new String[] {d.severity().name(), d.code(), d.where(), d.message()}).toList(),
                "SEVERITY", "CODE", "WHERE", "MESSAGE");
        if (!verdict.blockedBy().isEmpty()) {
            section(out, "Lint errors that keep the graph from being served", verdict.blockedBy().stream()
                    .map(d -> new String[] {d.code(), d.where(), d.message()}).toList(), "CODE", "WHERE", "MESSAGE");
        }
        section(out, "Changes to the graph", verdict.changes().stream().map(c -> new String[] {c.level().name(), c.coordinate(), c.message()}).toList(),
                "LEVEL", "COORDINATE", "MESSAGE");
        out.println(switch (verdict.kind()) {
            case SAFE -> "Safe to deploy.";
            case BREAKING -> "Deploying this breaks clients.";
            case NOT_COMPOSABLE -> "This catalog cannot be composed into the graph.";
            case BLOCKED -> "Lint errors would keep the graph with this catalog from being served (the aggregator's lint errors block).";
        });
        out.flush();
        return exit;
    }

    /** What the candidate deploy would serve. */
    private record Candidate(List<Resource> resources, List<OperationField> operations) {
    }

    private Candidate candidate(PrintWriter out) {
        if (source.catalog != null) {
            try {
                return new Candidate(CatalogJson.readResources(Files.readString(source.catalog)), List.of());
            } catch (IOException e) {
                throw new OperatorException("cannot read --catalog " + source.catalog + ": " + e.getMessage());
            } catch (InvalidCatalogException e) {
                throw new OperatorException("--catalog " + source.catalog + " is not a valid catalog: " + e.getMessage());
            }
        }
        try {
            OpenApiMapping mapping = OpenApiCatalogReader.read(source.openapi);
            if (!mapping.unmapped().isEmpty()) {
                out.println(mapping.report());
            }
            return new Candidate(mapping.resources(), mapping.operations());
        } catch (RuntimeException e) {
            throw new OperatorException("cannot map --openapi " + source.openapi + ": " + e.getMessage());
        }
    }

    private static void section(PrintWriter out, String title, List<String[]> rows, String... headers) {
        out.println(title + ": " + (rows.isEmpty() ? "none" : rows.size()));
        if (!rows.isEmpty()) {
            Table table = Table.of(headers);
            rows.forEach(row -> table.row((Object[]) row));
            table.print(out);
        }
        out.println();
    }

    private static Map<String, String> diagnostic(Diagnostic d) {
        return Map.of("severity", d.severity().name(), "code", d.code(), "where", d.where(), "message", d.message());
    }
}
