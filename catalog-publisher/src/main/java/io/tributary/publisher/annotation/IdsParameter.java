package io.tributary.publisher.annotation;

/**
 * Route conditions that let a multi-get ({@code GET /courses?ids=a,b}) and a get-all ({@code GET /courses}) share
 * their path, as in Naptime: Micronaut routes by path alone and refuses a request two routes match, so each of the
 * two routes says when it applies with {@code @RouteCondition(IdsParameter.PRESENT)} or
 * {@code @RouteCondition(IdsParameter.ABSENT)}.
 */
public final class IdsParameter {
    /** The request carries {@code ids}: the multi-get answers. */
    public static final String PRESENT = "#{request.parameters.contains('ids')}";
    /** The request carries no {@code ids}: the get-all answers. */
    public static final String ABSENT = "#{!request.parameters.contains('ids')}";

    private IdsParameter() {
    }
}
