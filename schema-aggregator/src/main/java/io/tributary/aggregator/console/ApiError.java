package io.tributary.aggregator.console;

/** A request the console's API cannot answer, and the HTTP status that says why; its message tells the operator what to fix. */
final class ApiError extends RuntimeException {
    private final int status;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
