package io.tributary.catalog;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * An operation of a service that fits no resource (a login, an inventory count, a report, a job to start), offered as
 * a field of its own so that nothing a service serves is left out of the graph: a GET becomes a Query field, anything
 * else a Mutation field, named {@link #name()} and answering with {@code result}, an Avro schema of the response
 * body. A result of Avro type {@code null} means the service answers with no content; the field then says whether
 * the call succeeded.
 */
public record OperationField(Operation operation, Schema result) {
    private static final Pattern FIELD_NAME = Pattern.compile("(?!__)[_A-Za-z][_0-9A-Za-z]*");

    public OperationField {
        Objects.requireNonNull(operation, "operation");
        if (operation.kind() != OperationKind.CALL) {
            throw new InvalidCatalogException("operation field " + operation.name() + " must be a CALL, was " + operation.kind());
        }
        Names.require(operation.name(), FIELD_NAME, "operation field name");
        Objects.requireNonNull(result, "result of operation field " + operation.name());
    }

    /** The GraphQL field's name, {@code userLogin}: the operation's name. */
    public String name() {
        return operation.name();
    }

    /** A safe read, offered on Query; anything else changes something and is offered on Mutation. */
    public boolean isQuery() {
        return operation.httpMethod().equalsIgnoreCase("GET");
    }

    /** Whether the service answers with no content. */
    public boolean answersNothing() {
        return result.getType() == Schema.Type.NULL;
    }
}
