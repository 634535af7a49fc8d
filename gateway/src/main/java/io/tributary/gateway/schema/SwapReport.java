package io.tributary.gateway.schema;

import graphql.language.AstPrinter;
import graphql.language.AstSignature;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.tributary.status.GatewayStatus;
import io.tributary.usage.OperationSignature;
import java.time.Duration;
import java.util.List;

/**
 * What a swap did: the view it put in place, how long building and warming took, the recent operations it breaks,
 * and how many recent operations the warm-up had no time left to check.
 */
public record SwapReport(long version, Duration buildTime, List<BrokenOperation> brokenOperations, int skippedOperations) {

    /**
     * A recently used operation the new view no longer validates, with graphql-java's reasons (or, when checking it
     * failed, why).
     */
    public record BrokenOperation(RecentOperations.Operation operation, List<String> errors) {

        /**
         * The operation as the gateway's status names it: its name, its signature hash (the one usage reports give it,
         * so the console can tell whose it is) and the start of its document and of the first reason.
         */
        public GatewayStatus.BrokenOperation named() {
            String name = operation.operationName();
            String hash = "";
            try {
                Document document = Parser.parse(operation.query());
                if (name == null || name.isEmpty()) {
                    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
                    name = operations.size() == 1 ? operations.getFirst().getName() : null;
                }
                hash = OperationSignature.sha256(AstPrinter.printAstCompact(new AstSignature().signatureQuery(document, name)));
            } catch (RuntimeException e) {
                // a document this gateway once ran parses; if it does not, the operation is still named by its excerpt
            }
            return new GatewayStatus.BrokenOperation(name == null || name.isEmpty() ? "(anonymous)" : name, hash,
                    operation.query(), errors.isEmpty() ? "" : errors.getFirst());
        }
    }

    /** The broken operations a status names: the first {@value GatewayStatus#MAX_NAMED_BROKEN_OPERATIONS}. */
    public List<GatewayStatus.BrokenOperation> namedBrokenOperations() {
        return brokenOperations.stream().limit(GatewayStatus.MAX_NAMED_BROKEN_OPERATIONS).map(BrokenOperation::named).toList();
    }

    public SwapReport {
        brokenOperations = List.copyOf(brokenOperations);
    }

    public SwapReport(long version, Duration buildTime, List<BrokenOperation> brokenOperations) {
        this(version, buildTime, brokenOperations, 0);
    }
}
