package io.tributary.publisher.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns the words of paths, component names and operation ids into the names the catalog and GraphQL accept. */
final class Identifiers {
    /** What Avro accepts as a name, and GraphQL too. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private Identifiers() {
    }

    static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** {@code partner-contacts}, {@code partner_contacts} or {@code PartnerContacts} → {@code partnerContacts}. */
    static String camel(String text) {
        String pascal = pascal(text);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code partner-contacts}, {@code shipment.v2.Address} or {@code serviceLevels} → {@code PartnerContacts} ... */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : words(text)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** A name that is a valid identifier, or empty: leading digits are dropped. */
    static String identifier(String text) {
        String camel = camel(text);
        int start = 0;
        while (start < camel.length() && Character.isDigit(camel.charAt(start))) {
            start++;
        }
        return camel.substring(start);
    }

    /** A rough English singular for naming the records of array items: {@code parcels} → {@code parcel}. */
    static String singular(String plural) {
        String lower = plural.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    /** A rough English plural for naming resources after a path's noun: {@code pet} → {@code pets}, {@code inventory} → {@code inventories}. */
    static String plural(String singular) {
        String lower = singular.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || singular.isEmpty()) {
            return singular;
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return singular + "es";
        }
        return singular + "s";
    }

    /**
     * A camelCase identifier of the words of {@code text} ({@code updatePetWithForm}, {@code UpdateFlow}) without those
     * that name {@code noun} in the singular or plural ({@code pets}): {@code updateWithForm}, {@code update}.
     */
    static String withoutWord(String text, String noun) {
        String singular = singular(noun).toLowerCase(Locale.ROOT);
        String plural = noun.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : words(CAMEL_BREAK.matcher(text).replaceAll(" "))) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(singular) && !lower.equals(plural)) {
                out.append(out.isEmpty() ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return identifier(out.toString());
    }

    /** {@code attachment_gid} without {@code attachment} is {@code gid}; {@code FlowSid} without {@code flow} is {@code sid}; else empty. */
    static String withoutPrefix(String name, String prefix) {
        if (prefix.isEmpty() || !name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)) || name.length() == prefix.length()) {
            return "";
        }
        return camel(name.substring(prefix.length()));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(text)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
