package io.tributary.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DocumentCacheTest {
    private final List<String> parsed = new ArrayList<>();
    private final Function<ExecutionInput, PreparsedDocumentEntry> valid = input -> {
        parsed.add(input.getQuery());
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };
    private final Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
        parsed.add(input.getQuery());
        return new PreparsedDocumentEntry(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.FieldUndefined).description("no such field").build());
    };

    @Test
    void shouldParseAndValidateARepeatedOperationOnce() {
        DocumentCache cache = new DocumentCache(10, 1_000);

        Document first = document(cache, "{ a }", null, valid);
        Document second = document(cache, "{ a }", null, valid);

        assertThat(second).isSameAs(first);
        assertThat(parsed).containsExactly("{ a }");
    }

    @Test
    void shouldKeepOneEntryPerDocumentAndOperationName() {
        DocumentCache cache = new DocumentCache(10, 1_000);
        String twoOperations = "query A { a } query B { b }";

        document(cache, twoOperations, "A", valid);
        document(cache, twoOperations, "B", valid);
        document(cache, twoOperations, "A", valid);

        assertThat(parsed).hasSize(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void shouldValidateADocumentWithErrorsEveryTimeWithoutKeepingIt() {
        DocumentCache cache = new DocumentCache(10, 1_000);

        document(cache, "{ nope }", null, invalid);
        PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ nope }", null), invalid).join();

        assertThat(again.hasErrors()).isTrue();
        assertThat(parsed).containsExactly("{ nope }", "{ nope }");
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedDocumentBeyondItsCapacity() {
        DocumentCache cache = new DocumentCache(2, 1_000);

        document(cache, "{ a }", null, valid);
        document(cache, "{ b }", null, valid);
        document(cache, "{ a }", null, valid);
        document(cache, "{ c }", null, valid);
        document(cache, "{ a }", null, valid);
        document(cache, "{ b }", null, valid);

        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void shouldNotKeepADocumentLargerThanItsBound() {
        DocumentCache cache = new DocumentCache(10, 8);

        document(cache, "{ aLongFieldName }", null, valid);
        document(cache, "{ aLongFieldName }", null, valid);

        assertThat(parsed).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    private static Document document(DocumentCache cache, String query, String operationName,
                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return cache.getDocumentAsync(input(query, operationName), parseAndValidate).join().getDocument();
    }

    private static ExecutionInput input(String query, String operationName) {
        return ExecutionInput.newExecutionInput().query(query).operationName(operationName).build();
    }
}
