package io.tributary.compose;

/**
 * Graph-wide choices of composition. {@code pagination} picks how pageable lists appear: Relay connections, offset
 * {@code Paged} results (Udemy's guide), or both (SwipeSense's choice).
 */
public record CompositionSettings(PaginationMode pagination) {

    /** Which pagination fields composition generates for a pageable list. */
    public enum PaginationMode { RELAY, OFFSET, BOTH }

    public static final CompositionSettings DEFAULT = new CompositionSettings(PaginationMode.BOTH);

    public boolean relay() {
        return pagination != PaginationMode.OFFSET;
    }

    public boolean offset() {
        return pagination != PaginationMode.RELAY;
    }
}
