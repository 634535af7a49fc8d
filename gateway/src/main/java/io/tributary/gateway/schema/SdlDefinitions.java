package io.tributary.gateway.schema;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.TypeDefinition;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A view's SDL cut into its top-level type definitions, each with its own text and parsed form, and which definitions
 * use each type ({@link TypeUses}): what lets the next view parse only the definitions whose text changed, and follow
 * only their uses. The view's SDL stays the one source of truth; this is how it was read.
 *
 * <p>The SDL is cut where a line starts a new definition (a name or a description at column 0, outside strings, braces
 * and parentheses), which is how the canonical printer lays definitions out. A cut that does not give exactly one type
 * definition per piece (any other printer's layout, a schema definition, a directive definition or an extension) makes
 * {@link #read} answer empty, and the caller parses the SDL whole.
 */
public final class SdlDefinitions {
    /** How many characters are compared at once while looking for where two SDLs differ. */
    private static final int COMPARED = 4096;
    /** Changed definitions are parsed only to be reused; were they wrong, the view is built from scratch, which says where. */
    private static final ParserOptions PIECES = ParserOptions.getDefaultSdlParserOptions()
            .transform(o -> o.captureSourceLocation(false).captureLineComments(false));

    /** Where one definition's text lies in the SDL: the SDL is kept by the view anyway, so no text is copied. */
    private record Piece(String sdl, int start, int end) {
        boolean sameTextAs(Piece other) {
            return other != null && end - start == other.end - other.start
                    && sdl.regionMatches(start, other.sdl, other.start, end - start);
        }
    }

    /**
     * What definitions {@link #read} from an SDL changed from those they were read against: the names defined anew or
     * with other text, in the SDL's order, with the definition each replaced (none for a new name), and the names no
     * longer defined. Found once, while the SDL is cut, so that a swap never compares the two SDLs, about 2 MB each at
     * Coursera's scale, again. It holds no reference to the previous definitions, which would chain every view a
     * gateway ever served.
     */
    record Changes(Set<String> redefined, Map<String, TypeDefinition<?>> replaced, Set<String> removed) {
        /** Whether every definition has the same text as before. */
        boolean none() {
            return redefined.isEmpty() && removed.isEmpty();
        }
    }

    private final Map<String, Piece> pieces;
    private final Map<String, TypeDefinition<?>> definitions;
    private final Map<String, List<String>> usedBy;
    private final Changes changes;

    private SdlDefinitions(Map<String, Piece> pieces, Map<String, TypeDefinition<?>> definitions, Map<String, List<String>> usedBy,
                           Changes changes) {
        this.pieces = pieces;
        this.definitions = definitions;
        this.usedBy = usedBy;
        this.changes = changes;
    }

    /** The SDL's definitions by name, in the SDL's order. */
    Map<String, TypeDefinition<?>> definitions() {
        return definitions;
    }

    /** For each type, the definitions that use it; not to be changed. */
    Map<String, List<String>> usedBy() {
        return usedBy;
    }

    /** What changed from the definitions these were {@link #read} against; null for definitions of a whole document. */
    Changes changes() {
        return changes;
    }

    /** Whether the definition of this name has the same text here as in {@code other} (false when either has none). */
    boolean sameText(String name, SdlDefinitions other) {
        Piece piece = pieces.get(name);
        return piece != null && piece.sameTextAs(other.pieces.get(name));
    }

    /** The definitions of a document already parsed whole from {@code sdl}; empty when the SDL cannot be cut so. */
    static Optional<SdlDefinitions> of(String sdl, Document parsed) {
        Map<String, Piece> pieces = cut(sdl);
        if (pieces == null || pieces.size() != parsed.getDefinitions().size()) {
            return Optional.empty();
        }
        Map<String, TypeDefinition<?>> definitions = new LinkedHashMap<>();
        for (Definition<?> definition : parsed.getDefinitions()) {
            if (!(definition instanceof TypeDefinition<?> type) || isExtension(type) || !pieces.containsKey(type.getName())) {
                return Optional.empty();
            }
            definitions.put(type.getName(), type);
        }
        return Optional.of(new SdlDefinitions(pieces, definitions, TypeUses.of(definitions), null));
    }

    /**
     * Reads {@code sdl}, parsing only the definitions whose text differs from {@code previous}'s; empty when the SDL
     * cannot be cut into one type definition per piece.
     */
    static Optional<SdlDefinitions> read(String sdl, SdlDefinitions previous) {
        Map<String, Piece> pieces = cut(sdl, previous);
        if (pieces == null) {
            return Optional.empty();
        }
        StringBuilder changed = new StringBuilder();
        List<String> changedNames = new ArrayList<>();
        pieces.forEach((name, piece) -> {
            if (!piece.sameTextAs(previous.pieces.get(name))) {
                changed.append(sdl, piece.start(), piece.end()).append('\n');
                changedNames.add(name);
            }
        });
        Map<String, TypeDefinition<?>> parsed = new LinkedHashMap<>();
        if (!changedNames.isEmpty()) {
            for (Definition<?> definition : Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(changed.toString()).parserOptions(PIECES).build()).getDefinitions()) {
                if (!(definition instanceof TypeDefinition<?> type) || isExtension(type) || parsed.put(type.getName(), type) != null) {
                    return Optional.empty();
                }
            }
            if (!parsed.keySet().equals(Set.copyOf(changedNames))) {
                return Optional.empty();
            }
        }
        Map<String, TypeDefinition<?>> definitions = new LinkedHashMap<>();
        pieces.keySet().forEach(name -> definitions.put(name, parsed.containsKey(name) ? parsed.get(name) : previous.definitions.get(name)));
        Set<String> removed = new LinkedHashSet<>();
        previous.pieces.keySet().stream().filter(name -> !pieces.containsKey(name)).forEach(removed::add);
        Map<String, TypeDefinition<?>> replaced = new HashMap<>();
        changedNames.stream().filter(previous.definitions::containsKey).forEach(name -> replaced.put(name, previous.definitions.get(name)));
        Changes changes = new Changes(Collections.unmodifiableSet(new LinkedHashSet<>(changedNames)), Collections.unmodifiableMap(replaced),
                Collections.unmodifiableSet(removed));
        changedNames.addAll(removed);
        return Optional.of(new SdlDefinitions(pieces, definitions,
                TypeUses.updated(previous.usedBy, previous.definitions, definitions, changedNames), changes));
    }

    /** Whether both SDLs have the same definitions, word for word. */
    boolean sameTextAs(SdlDefinitions other) {
        return pieces.size() == other.pieces.size() && pieces.keySet().stream().allMatch(name -> sameText(name, other));
    }

    /** Parses a whole SDL document as graphql-java's schema parser does, each node knowing its line for the errors. */
    static Document parse(String sdl) {
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            throw new SchemaProblem(List.of(e.toInvalidSyntaxError()));
        }
    }

    /** The type definitions of a whole document by name. */
    static Map<String, TypeDefinition<?>> byName(Document document) {
        Map<String, TypeDefinition<?>> definitions = new LinkedHashMap<>();
        document.getDefinitionsOfType(TypeDefinition.class).forEach(d -> definitions.putIfAbsent(d.getName(), d));
        return definitions;
    }

    private static boolean isExtension(TypeDefinition<?> type) {
        return type.getClass().getSimpleName().endsWith("ExtensionDefinition");
    }

    /**
     * The SDL's pieces by the name each defines, or null when a piece has no name or two define the same one. A piece
     * starts at a line that begins, outside any string, brace or parenthesis, with a letter or a quote (a description),
     * once the piece before has a name; a description therefore stays with the definition it describes.
     */
    private static Map<String, Piece> cut(String sdl) {
        return cut(sdl, 0, new LinkedHashMap<>(), List.of(), sdl.length(), 0);
    }

    /**
     * The pieces {@link #cut(String)} gives, found without scanning the text the SDL shares with {@code previous}'s
     * at its start and at its end (a view changes a few definitions of thousands): the pieces that end before the
     * first difference are the previous ones, the scan starts at the first piece that does not, and once it finds a
     * piece starting where a previous piece started, within the common end and with the same line start before it,
     * the rest are the previous pieces moved by the difference in length (the scan from a piece's start depends only
     * on the text after it).
     */
    private static Map<String, Piece> cut(String sdl, SdlDefinitions previous) {
        List<Piece> before = List.copyOf(previous.pieces.values());
        if (before.isEmpty()) {
            return cut(sdl);
        }
        String old = before.getFirst().sdl();
        int prefix = commonPrefix(old, sdl);
        int suffix = commonSuffix(old, sdl, Math.min(old.length(), sdl.length()) - prefix);
        Map<String, Piece> pieces = new LinkedHashMap<>();
        int from = 0;
        for (Piece piece : before) {
            if (piece.end() >= prefix) {
                break;
            }
            if (!add(pieces, new Piece(sdl, piece.start(), piece.end()))) {
                return null;
            }
            from = piece.end();
        }
        return cut(sdl, from, pieces, before, sdl.length() - suffix, sdl.length() - old.length());
    }

    /**
     * Cuts {@code sdl} from {@code from} (0 or where a piece starts) into {@code pieces}; a piece found to start
     * after {@code sameFrom} (where the SDL's common end with the one {@code previous} was cut from begins) at the
     * start of one of {@code previous} moved by {@code shift} ends the scan: the rest are {@code previous}'s, moved.
     */
    private static Map<String, Piece> cut(String sdl, int from, Map<String, Piece> pieces, List<Piece> previous, int sameFrom, int shift) {
        int start = from;
        int depth = 0;
        boolean named = false;
        int length = sdl.length();
        int i = from;
        while (i < length) {
            char c = sdl.charAt(i);
            boolean lineStart = i == 0 || sdl.charAt(i - 1) == '\n';
            if (depth == 0 && lineStart && named && (c == '"' || Character.isLetter(c) || c == '_')) {
                if (!add(pieces, new Piece(sdl, start, i))) {
                    return null;
                }
                start = i;
                named = false;
                int same = i > sameFrom ? startingAt(previous, i - shift) : -1;
                if (same >= 0) {
                    for (Piece piece : previous.subList(same, previous.size())) {
                        if (!add(pieces, new Piece(sdl, piece.start() + shift, piece.end() + shift))) {
                            return null;
                        }
                    }
                    return pieces;
                }
            }
            if (c == '"') {
                i = skipString(sdl, i);
                continue;
            }
            if (c == '#') {
                int end = sdl.indexOf('\n', i);
                i = end < 0 ? length : end;
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && (Character.isLetter(c) || c == '_')) {
                named = true;
            }
            i++;
        }
        if (start < length && !sdl.substring(start).isBlank() && !add(pieces, new Piece(sdl, start, length))) {
            return null;
        }
        return pieces;
    }

    /** The index of the piece that starts at {@code start}, or -1. */
    private static int startingAt(List<Piece> pieces, int start) {
        int low = 0;
        int high = pieces.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int at = pieces.get(middle).start();
            if (at == start) {
                return middle;
            }
            if (at < start) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /** How many characters {@code a} and {@code b} have in common at their start. */
    private static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.regionMatches(i, b, i, Math.min(COMPARED, max - i))) {
            i += Math.min(COMPARED, max - i);
        }
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** How many characters, at most {@code max}, {@code a} and {@code b} have in common at their end. */
    private static int commonSuffix(String a, String b, int max) {
        int n = 0;
        while (n < max && a.regionMatches(a.length() - n - Math.min(COMPARED, max - n), b, b.length() - n - Math.min(COMPARED, max - n),
                Math.min(COMPARED, max - n))) {
            n += Math.min(COMPARED, max - n);
        }
        while (n < max && a.charAt(a.length() - n - 1) == b.charAt(b.length() - n - 1)) {
            n++;
        }
        return n;
    }

    /** The index after the string or block string that starts at {@code i}. */
    private static int skipString(String sdl, int i) {
        if (sdl.startsWith("\"\"\"", i)) {
            int end = sdl.indexOf("\"\"\"", i + 3);
            while (end >= 0 && sdl.charAt(end - 1) == '\\') {
                end = sdl.indexOf("\"\"\"", end + 3);
            }
            return end < 0 ? sdl.length() : end + 3;
        }
        int j = i + 1;
        while (j < sdl.length() && sdl.charAt(j) != '"' && sdl.charAt(j) != '\n') {
            j += sdl.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, sdl.length());
    }

    /** Adds a piece under the name it defines: the first name after its keyword. */
    private static boolean add(Map<String, Piece> pieces, Piece piece) {
        String name = definedName(piece);
        return name != null && pieces.putIfAbsent(name, piece) == null;
    }

    private static String definedName(Piece piece) {
        String sdl = piece.sdl();
        int i = piece.start();
        int length = piece.end();
        int words = 0;
        while (i < length) {
            char c = sdl.charAt(i);
            if (c == '"') {
                i = skipString(sdl, i);
            } else if (c == '#') {
                int end = sdl.indexOf('\n', i);
                i = end < 0 || end > length ? length : end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i;
                while (end < length && (Character.isLetterOrDigit(sdl.charAt(end)) || sdl.charAt(end) == '_')) {
                    end++;
                }
                if (++words == 2) {
                    return sdl.substring(i, end);
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }
}
