package io.tributary.publisher.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationField;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one corpus document became, for people: each resource with its operations and relations, each operation left
 * out with its reason, and the counts the corpus figure adds up.
 */
record CorpusReport(String document, String format, Set<String> operations, Set<String> mapped,
                    Map<String, UnmappedOperation.Category> left, long callbacks, int links, long linksLeftOut, String text) {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static CorpusReport of(Path file) {
        String document = file.getFileName().toString();
        JsonNode raw = raw(file);
        String format = raw.has("swagger") ? "swagger " + raw.get("swagger").asText() : "openapi " + raw.path("openapi").asText();
        Set<String> operations = operations(raw);
        StringBuilder text = new StringBuilder();
        Set<String> mapped = new TreeSet<>();
        OpenApiMapping mapping;
        try {
            mapping = OpenApiCatalogReader.read(file.toString());
        } catch (InvalidOpenApiDocumentException e) {
            text.append(document).append(" (").append(format).append("): 0 of ").append(operations.size())
                    .append(" operations mapped: the document was refused: ").append(e.getMessage().lines().findFirst().orElse("")).append('\n');
            Map<String, UnmappedOperation.Category> refused = new TreeMap<>();
            operations.forEach(o -> refused.put(o, UnmappedOperation.Category.INVALID));
            return new CorpusReport(document, format, operations, mapped, refused, 0, links(raw), links(raw), text.toString());
        }
        StringBuilder body = new StringBuilder();
        for (Resource resource : mapping.resources()) {
            body.append("  ").append(resource.qualifiedName()).append(" (").append(resource.modelName()).append(", key ")
                    .append(resource.keyField()).append(")\n");
            for (Operation operation : resource.operations()) {
                mapped.add(operation.httpMethod() + " " + operation.path());
                body.append("    ").append(operation.kind()).append(operation.name().isEmpty() ? "" : " " + operation.name())
                        .append(": ").append(operation.httpMethod()).append(' ').append(operation.path()).append('\n');
            }
            for (Relation relation : resource.relations()) {
                // Only an undeclared source field is worth a word: most forward relations read a declared one.
                body.append("    relation ").append(relation.toString().replace(", undeclared=false", "")).append('\n');
            }
        }
        if (!mapping.operations().isEmpty()) {
            body.append("  operation fields\n");
        }
        for (OperationField field : mapping.operations()) {
            mapped.add(field.operation().httpMethod() + " " + field.operation().path());
            body.append("    ").append(field.isQuery() ? "Query." : "Mutation.").append(field.name()).append(": ")
                    .append(field.operation().httpMethod()).append(' ').append(field.operation().path()).append(" -> ")
                    .append(field.answersNothing() ? "no content" : SchemaText.of(field.result())).append('\n');
        }
        text.append(document).append(" (").append(format).append("): ").append(mapped.size()).append(" of ")
                .append(operations.size()).append(" operations mapped\n").append(body);
        List<UnmappedOperation> notMapped = mapping.unmapped().stream()
                .filter(u -> !mapped.contains(u.method() + " " + Parameters.pathWithArgumentNames(u.path()))).toList();
        Map<String, UnmappedOperation.Category> left = new TreeMap<>();
        notMapped.stream().filter(u -> operations.contains(u.method() + " " + Parameters.pathWithArgumentNames(u.path())))
                .forEach(u -> left.putIfAbsent(u.method() + " " + Parameters.pathWithArgumentNames(u.path()), u.category()));
        if (!notMapped.isEmpty()) {
            text.append("Not mapped:\n");
            notMapped.forEach(u -> text.append("  [").append(u.category().label()).append("] ").append(u).append('\n'));
        }
        if (!mapping.notes().isEmpty()) {
            text.append("Notes:\n");
            mapping.notes().forEach(n -> text.append("  ").append(n.replace("\n", " ")).append('\n'));
        }
        long callbacks = mapping.unmapped().stream().filter(u -> u.category() == UnmappedOperation.Category.CALLBACK).count();
        long linksLeftOut = mapping.notes().stream().filter(n -> n.contains(": link '") && n.contains("' left out: ")).count();
        return new CorpusReport(document, format, operations, mapped, left, callbacks, links(raw), linksLeftOut, text.toString());
    }

    /** Operations mapped out of all operations, per document and in total. */
    static String figure(List<CorpusReport> reports) {
        StringBuilder out = new StringBuilder();
        int mapped = 0;
        int total = 0;
        for (CorpusReport report : reports) {
            out.append(String.format(Locale.ROOT, "%-34s %-13s %4d / %4d%n", report.document(), report.format(),
                    report.mapped().size(), report.operations().size()));
            mapped += report.mapped().size();
            total += report.operations().size();
        }
        out.append(String.format(Locale.ROOT, "%-48s %4d / %4d (%.1f%%)%n", "corpus", mapped, total, 100.0 * mapped / total));
        Map<UnmappedOperation.Category, Integer> byCategory = new EnumMap<>(UnmappedOperation.Category.class);
        reports.forEach(r -> r.left().values().forEach(c -> byCategory.merge(c, 1, Integer::sum)));
        out.append("Not mapped, by reason:\n");
        byCategory.forEach((category, count) -> out.append(String.format(Locale.ROOT, "  %4d %s%n", count, category.label())));
        long callbacks = reports.stream().mapToLong(CorpusReport::callbacks).sum();
        out.append(String.format(Locale.ROOT, "Also left out: %d callback operations (not paths of the service)%n", callbacks));
        int links = reports.stream().mapToInt(CorpusReport::links).sum();
        long leftOut = reports.stream().mapToLong(CorpusReport::linksLeftOut).sum();
        out.append(String.format(Locale.ROOT, "Standard links: %d, %d of them relations (each left out is a note of its report)%n", links,
                links - leftOut));
        return out.toString();
    }

    private static Set<String> operations(JsonNode raw) {
        Set<String> operations = new LinkedHashSet<>();
        raw.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + Parameters.pathWithArgumentNames(path.getKey()));
            }
        }));
        return operations;
    }

    /** The standard links of the document's responses, those of shared responses counted once per use. */
    private static int links(JsonNode raw) {
        int links = 0;
        for (var path : raw.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                for (var response : method.getValue().path("responses").properties()) {
                    JsonNode resolved = response.getValue();
                    String ref = resolved.path("$ref").asText("");
                    if (ref.startsWith("#/components/responses/")) {
                        resolved = raw.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    links += resolved.path("links").size();
                }
            }
        }
        return links;
    }

    private static JsonNode raw(Path file) {
        try {
            return Yaml.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
