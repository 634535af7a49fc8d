package io.tributary.cli.ops;

import io.tributary.avro.CatalogJson;
import io.tributary.catalog.InvalidCatalogException;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Resource;
import io.tributary.publisher.openapi.OpenApiCatalogReader;
import io.tributary.publisher.openapi.OpenApiMapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary check}: what deploying this catalog would do to the current graph (composition errors, lint,
 * breaking changes, the operations clients sent that it breaks), without publishing anything. Exit 0 when safe, 1 when
 * it breaks operations clients sent (or breaks the schema and no usage is known), 2 when it cannot compose, 3 when
 * lint errors would keep the graph from being served, 4 when it breaks the schema but no operation of the window uses
 * what changes. The work is {@link Check}'s.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "What a catalog would do to the current graph and the operations clients sent, without publishing. "
                + "Exit 0 safe, 1 breaks operations clients sent, 2 not composable, 3 blocked by lint, 4 breaking but unused (safe in practice).")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    GraphOptions options;
    @ArgGroup(multiplicity = "1")
    Source source;
    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service the catalog belongs to.")
    String service;
    @Option(names = "--json", description = "Print JSON instead of tables (an OpenAPI document's mapping report goes to stderr).")
    boolean json;
    @Option(names = "--usage-days", defaultValue = "7", paramLabel = "N",
            description = "How many days of the operations clients sent to judge breaking changes by (default: ${DEFAULT-VALUE}).")
    int usageDays;
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
        if (usageDays < 1) {
            throw new OperatorException("--usage-days must be at least 1, was " + usageDays);
        }
        PrintWriter out = spec.commandLine().getOut();
        // Under --json, stdout is the JSON document alone: the mapping report is for the operator's eyes.
        Candidate candidate = candidate(json ? spec.commandLine().getErr() : out);
        Check check = new Check(service, candidate.resources(), candidate.operations(), usageDays);
        Check.Outcome outcome = check.judge(options.kafka(), options.graph(), Instant.now());
        if (json) {
            check.printJson(out, outcome);
        } else {
            check.print(out, outcome);
        }
        return outcome.verdict().kind().exitCode();
    }

    /** What the candidate deploy would serve. */
    private record Candidate(List<Resource> resources, List<OperationField> operations) {
    }

    /** The candidate; an OpenAPI document's mapping report, when it left something out, goes to {@code report}. */
    private Candidate candidate(PrintWriter report) {
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
                report.println(mapping.report());
                report.flush();
            }
            return new Candidate(mapping.resources(), mapping.operations());
        } catch (RuntimeException e) {
            throw new OperatorException("cannot map --openapi " + source.openapi + ": " + e.getMessage());
        }
    }
}
