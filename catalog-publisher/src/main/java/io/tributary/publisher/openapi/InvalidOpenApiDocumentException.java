package io.tributary.publisher.openapi;

import java.util.List;

/**
 * An OpenAPI document that cannot be read or parsed at all, or that maps to nothing worth publishing; the message
 * names the document and carries the parser's own messages, which say where (line and column) it went wrong.
 */
public class InvalidOpenApiDocumentException extends IllegalArgumentException {
    private final String location;
    private final List<String> parserMessages;

    public InvalidOpenApiDocumentException(String location, String problem, List<String> parserMessages) {
        super(message(location, problem, parserMessages));
        this.location = location;
        this.parserMessages = List.copyOf(parserMessages);
    }

    /** The file path or URL of the document. */
    public String location() {
        return location;
    }

    /** What swagger-parser said, one entry per problem; empty when the document could not even be read. */
    public List<String> parserMessages() {
        return parserMessages;
    }

    private static String message(String location, String problem, List<String> parserMessages) {
        StringBuilder message = new StringBuilder(location).append(": ").append(problem);
        parserMessages.forEach(m -> message.append("\n  ").append(m.strip().replace("\n", "\n  ")));
        return message.toString();
    }
}
