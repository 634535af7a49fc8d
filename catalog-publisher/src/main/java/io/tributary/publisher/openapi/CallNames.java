package io.tributary.publisher.openapi;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names operation fields noun first, as the seeds' conventions name every field ({@code courseCreate}): from the
 * operationId with its leading verb moved to the end ({@code loginUser} → {@code userLogin}) or, for reads, dropped
 * ({@code getInventory} → {@code inventory}); else from the path's constant segments ({@code /store/inventory} →
 * {@code storeInventory}, {@code /repos/{owner}/{repo}} → {@code reposByOwnerAndRepo}). Each name is offered with
 * fallbacks, so that a name another field already has can give way to the next.
 */
final class CallNames {
    private static final Pattern CAMEL_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");
    private static final Set<String> READS = Set.of("get", "list", "fetch", "read", "retrieve", "show", "find", "query", "describe");
    private static final Set<String> VERBS = Set.of("create", "add", "update", "delete", "remove", "set", "put", "post", "patch",
            "replace", "login", "logout", "upload", "download", "send", "start", "stop", "cancel", "run", "check", "validate",
            "reset", "enable", "disable", "mark", "register", "test", "sync", "archive", "restore", "merge", "approve", "reject",
            "close", "open", "lock", "unlock", "follow", "unfollow", "star", "unstar", "subscribe", "unsubscribe", "invite",
            "accept", "revoke", "generate", "render", "export", "import", "verify", "count", "search", "edit", "submit", "trigger",
            "execute", "move", "copy", "transfer", "assign", "unassign", "pin", "unpin", "mute", "unmute", "block", "unblock",
            "suspend", "unsuspend", "activate", "deactivate", "confirm", "refresh", "rename", "clear", "purge", "apply", "preview");

    private CallNames() {
    }

    /** The names to try for an operation, best first; never empty. */
    static List<String> of(HttpMethod method, PathShape shape, String operationId) {
        Set<String> names = new LinkedHashSet<>();
        fromOperationId(method, operationId).ifPresent(names::add);
        String fromPath = fromPath(method, shape);
        names.add(fromPath);
        List<String> base = new ArrayList<>(names);
        String verb = Identifiers.pascal(method.name().toLowerCase(Locale.ROOT));
        base.forEach(name -> names.add(name + verb));
        return List.copyOf(names);
    }

    private static java.util.Optional<String> fromOperationId(HttpMethod method, String operationId) {
        if (operationId == null) {
            return java.util.Optional.empty();
        }
        List<String> words = words(operationId);
        if (words.size() > 1) {
            String first = words.getFirst().toLowerCase(Locale.ROOT);
            if (method == HttpMethod.GET && READS.contains(first)) {
                words = words.subList(1, words.size());
            } else if (VERBS.contains(first) || READS.contains(first)) {
                List<String> moved = new ArrayList<>(words.subList(1, words.size()));
                moved.add(words.getFirst());
                words = moved;
            }
        }
        String name = Identifiers.identifier(String.join("-", words));
        return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
    }

    private static String fromPath(HttpMethod method, PathShape shape) {
        List<String> constants = new ArrayList<>();
        List<String> trailing = new ArrayList<>();
        for (String segment : shape.segments()) {
            if (PathShape.isVariable(segment)) {
                trailing.add(PathShape.name(segment));
            } else {
                constants.add(segment);
                trailing.clear();
            }
        }
        StringBuilder name = new StringBuilder(Identifiers.identifier(String.join("-", constants)));
        if (!trailing.isEmpty()) {
            name.append("By").append(String.join("And", trailing.stream().map(Identifiers::pascal).toList()));
        }
        boolean endsInVerb = !constants.isEmpty() && VERBS.contains(words(constants.getLast()).getFirst().toLowerCase(Locale.ROOT));
        if (method != HttpMethod.GET && !endsInVerb) {
            name.append(Identifiers.pascal(method.name().toLowerCase(Locale.ROOT)));
        }
        String identifier = Identifiers.identifier(name.toString());
        return identifier.isEmpty() ? method.name().toLowerCase(Locale.ROOT) + "Root" : identifier;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(CAMEL_BREAK.matcher(text).replaceAll(" "))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words.isEmpty() ? List.of(text) : words;
    }
}
