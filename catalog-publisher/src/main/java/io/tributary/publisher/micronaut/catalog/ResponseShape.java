package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.publisher.annotation.Page;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a route answers, read from its return type: nothing, one element, or many in a bare array ({@code List<T>})
 * or a Naptime envelope ({@link Page}). {@code HttpResponse}, {@code Optional} and {@code CompletionStage} wrappers
 * are looked through.
 */
record ResponseShape(Argument<?> element, boolean many, ResponseEnvelope envelope) {
    private static final ResponseShape NOTHING = new ResponseShape(null, false, ResponseEnvelope.BARE);

    static ResponseShape of(Argument<?> returnType) {
        Argument<?> type = unwrap(returnType);
        Class<?> raw = type.getType();
        if (raw == void.class || raw == Void.class || raw == HttpStatus.class || raw == Object.class) {
            return NOTHING;
        }
        if (raw == Page.class) {
            return new ResponseShape(firstTypeParameter(type), true, ResponseEnvelope.NAPTIME);
        }
        if (raw.isArray()) {
            return new ResponseShape(Argument.of(raw.getComponentType()), true, ResponseEnvelope.BARE);
        }
        if (Iterable.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
            return new ResponseShape(firstTypeParameter(type), true, ResponseEnvelope.BARE);
        }
        return new ResponseShape(type, false, ResponseEnvelope.BARE);
    }

    boolean isEmpty() {
        return element == null;
    }

    /** How messages describe the answer: {@code Course}, {@code List<Course>}, {@code nothing}. */
    String describe() {
        if (element == null) {
            return "nothing";
        }
        String name = element.getType().getSimpleName();
        return many ? (envelope.equals(ResponseEnvelope.NAPTIME) ? "Page<" + name + ">" : "List<" + name + ">") : name;
    }

    private static Argument<?> unwrap(Argument<?> type) {
        Class<?> raw = type.getType();
        if (HttpResponse.class.isAssignableFrom(raw) || raw == Optional.class || CompletionStage.class.isAssignableFrom(raw)) {
            return unwrap(firstTypeParameter(type));
        }
        return type;
    }

    private static Argument<?> firstTypeParameter(Argument<?> type) {
        Argument<?>[] parameters = type.getTypeParameters();
        return parameters.length == 0 ? Argument.OBJECT_ARGUMENT : parameters[0];
    }
}
