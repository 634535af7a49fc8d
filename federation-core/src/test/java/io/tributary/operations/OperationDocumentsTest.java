package io.tributary.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationDocumentsTest {
    private static final String SDL = """
            scalar DateTime
            type Query { course(id: ID!): Course }
            type Course { id: ID! title: String startsAt: DateTime }
            """;

    @Test
    void aDocumentIsNamedByTheSha256OfItsText() {
        // printf '{ course(id: "1") { id } }' | sha256sum
        assertThat(DocumentHash.of("{ course(id: \"1\") { id } }")).isEqualTo("sha256:aa48cd6d1ee6d3af3366559fa22dca6a3df3f8e7c86cb3f2e8289318843808f5");
        assertThat(DocumentHash.of("{ a }")).isNotEqualTo(DocumentHash.of("{ a } "));
    }

    @Test
    void aClientsIdIsReadWithOrWithoutItsPrefixAndInAnyCase() {
        String hex = DocumentHash.of("{ a }").substring(DocumentHash.PREFIX.length());
        assertThat(DocumentHash.parse(hex)).contains("sha256:" + hex);
        assertThat(DocumentHash.parse("SHA256:" + hex.toUpperCase())).contains("sha256:" + hex);
        assertThat(DocumentHash.parse("md5:0cc175b9c0f1b6a831c399e269772661")).isEmpty();
        assertThat(DocumentHash.parse("sha256:xyz")).isEmpty();
        assertThat(DocumentHash.parse(null)).isEmpty();
    }

    @Test
    void aRegistrationCarriesTheDocumentsOwnHash() {
        RegisteredOperation operation = RegisteredOperation.of("{ a }", Instant.EPOCH);
        assertThat(operation.hash()).isEqualTo(DocumentHash.of("{ a }"));
        assertThatThrownBy(() -> new RegisteredOperation(DocumentHash.of("{ b }"), "{ a }", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the document's own");
    }

    @Test
    void aRelayIdIsAnAliasOnlyWhenItIsTheDocumentsOwnMd5OrSha1() {
        // printf '{ a }' | md5sum; printf '{ a }' | sha1sum
        String md5 = "d7fe099d6f46846bb761d84678c79f68";
        String sha1 = "a8b6cba75cdaf27eb2f56ac3f2480030c3c5daf0";
        assertThat(DocumentHash.alias("{ a }", md5.toUpperCase())).contains(md5);
        assertThat(DocumentHash.alias("{ a }", sha1)).contains(sha1);
        assertThat(DocumentHash.alias("{ b }", md5)).isEmpty();
        assertThat(DocumentHash.alias("{ a }", "MyQuery")).isEmpty();
        assertThat(DocumentHash.alias("{ a }", null)).isEmpty();

        assertThat(new RegisteredOperation(DocumentHash.of("{ a }"), "{ a }", Instant.EPOCH, List.of(md5)).aliases()).containsExactly(md5);
        assertThatThrownBy(() -> new RegisteredOperation(DocumentHash.of("{ b }"), "{ b }", Instant.EPOCH, List.of(md5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the document's own MD5 or SHA-1");
    }

    @Test
    void theValidatorSaysWhyADocumentDoesNotRunOnTheSchema() {
        OperationValidator validator = new OperationValidator(SDL);
        assertThat(validator.problems("query Course($id: ID!) { course(id: $id) { id title startsAt } }")).isEmpty();
        assertThat(validator.problems("{ course(id: \"1\") { id durationMinutes } }"))
                .singleElement().asString().contains("durationMinutes");
        assertThat(validator.problems("{ course(id: ")).singleElement().asString().containsIgnoringCase("syntax");
        assertThat(validator.problems("fragment F on Course { id }")).isNotEmpty();
    }
}
