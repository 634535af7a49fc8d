package io.tributary.cli.ops;

/** A problem an operator can fix, with a message that says how; the CLI prints it alone, without a stack trace. */
public class OperatorException extends RuntimeException {
    public OperatorException(String message) {
        super(message);
    }
}
