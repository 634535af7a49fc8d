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
        return PREFIX + hex("SHA-256", document);
    }

    /**
     * {@code id} in lower case when it is the MD5 or the SHA-1 of the document's UTF-8 text in hex: the ids Relay's
     * compiler gives persisted queries ({@code persistConfig.algorithm} MD5, its default, or SHA1), which a
     * registration keeps as aliases; empty when it is not the document's own.
     */
    public static Optional<String> alias(String document, String id) {
        if (id == null) {
            return Optional.empty();
        }
        String hex = id.toLowerCase(Locale.ROOT);
        String algorithm = switch (hex.length()) {
            case 32 -> "MD5";
            case 40 -> "SHA-1";
            default -> null;
        };
        return algorithm != null && hex.equals(hex(algorithm, document)) ? Optional.of(hex) : Optional.empty();
    }

    private static String hex(String algorithm, String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
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
