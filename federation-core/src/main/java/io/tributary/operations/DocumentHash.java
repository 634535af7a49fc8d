package io.tributary.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity of a GraphQL document: {@code sha256:} and the SHA-256 of its UTF-8 text in lower-case hex, as the
 * GraphQL-over-HTTP persisted documents proposal writes a document id. Apollo's automatic persisted queries send the
 * bare hex; both name the same document.
 */
public final class DocumentHash {
    /** The prefix of a document id. */
    public static final String PREFIX = "sha256:";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private DocumentHash() {
    }

    /** The id of this document's text. */
    public static String of(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The document id a client sent, as {@code sha256:HEX} or bare hex, in its canonical form; empty when it is neither
     * (another algorithm, a Relay md5, not hex).
     */
    public static Optional<String> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String hex = id.toLowerCase(Locale.ROOT);
        if (hex.startsWith(PREFIX)) {
            hex = hex.substring(PREFIX.length());
        }
        return HEX.matcher(hex).matches() ? Optional.of(PREFIX + hex) : Optional.empty();
    }
}
