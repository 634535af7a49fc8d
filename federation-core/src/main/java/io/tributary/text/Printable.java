package io.tributary.text;

/**
 * Untrusted text (record keys, catalog strings, client input, exception messages quoting them) made safe for one
 * log line or one header: control characters and invalid surrogates are escaped, so a newline in a key cannot forge
 * a log line, and the result is bounded in length.
 */
public final class Printable {
    /** The length {@link #of(String)} cuts at: enough for any legitimate key or reason. */
    public static final int DEFAULT_MAX_LENGTH = 1_000;

    private Printable() {
    }

    /** The text escaped and cut at {@link #DEFAULT_MAX_LENGTH} characters; {@code null} prints as {@code null}. */
    public static String of(String text) {
        return of(text, DEFAULT_MAX_LENGTH);
    }

    /** The text escaped and, when longer, cut at {@code maxLength} characters with a note of how much was left out. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 16);
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= maxLength && text.length() > maxLength) {
            out.setLength(maxLength);
            out.append("...(").append(text.length() - maxLength).append(" more characters)");
        }
        return out.toString();
    }

    /** Bytes that may not be text at all (a key of invalid UTF-8), as hex. */
    public static String hex(byte[] bytes, int maxBytes) {
        if (bytes == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < Math.min(bytes.length, maxBytes); i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return bytes.length > maxBytes ? out + "...(" + bytes.length + " bytes)" : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
