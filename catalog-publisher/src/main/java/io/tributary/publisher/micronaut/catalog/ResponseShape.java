package io.tributary.publisher.micronaut.catalog;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.publisher.annotation.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * What a route answers, read from its return type: nothing, one element, or many in a bare array ({@code List<T>},
 * or a {@code Flux<T>} or {@code Publisher<T>}, which Micronaut streams as one), a Naptime envelope ({@link Page}),
 * or a generic wrapper of the service's own ({@code Envelope<T>}), whose one property of type {@code T} or
 * {@code List<T>} holds the answer. {@code HttpResponse}, {@code Optional}, {@code CompletionStage} and single
 * reactive types ({@code Mono}, or any publisher with {@code @SingleResult}) are looked through.
 */
record ResponseShape(Argument<?> element, boolean many, ResponseEnvelope envelope) {
    private static final ResponseShape NOTHING = new ResponseShape(null, false, ResponseEnvelope.BARE);

    /** The shape of {@code returnType}; {@code singleResult} when the route says its publisher emits one value. */
    static ResponseShape of(Argument<?> returnType, boolean singleResult, SerializationSettings settings, String where) {
        Argument<?> type = unwrap(returnType, singleResult);
        Class<?> raw = type.getType();
        if (isStreamed(raw, singleResult)) {
            ResponseShape each = of(firstTypeParameter(type), false, settings, where);
            return each.isEmpty() ? NOTHING : new ResponseShape(each.element(), true, ResponseEnvelope.BARE);
        }
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
        return wrapped(type, settings, where).orElse(new ResponseShape(type, false, ResponseEnvelope.BARE));
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
        if (!many) {
            return name;
        }
        return envelope.equals(ResponseEnvelope.NAPTIME) ? "Page<" + name + ">" : "List<" + name + ">";
    }

    private static Argument<?> unwrap(Argument<?> type, boolean singleResult) {
        Class<?> raw = type.getType();
        if (HttpResponse.class.isAssignableFrom(raw) || raw == Optional.class || CompletionStage.class.isAssignableFrom(raw)
                || isReactive(raw) && !isStreamed(raw, singleResult)) {
            return unwrap(firstTypeParameter(type), singleResult);
        }
        return type;
    }

    private static boolean isReactive(Class<?> raw) {
        return Publishers.isConvertibleToPublisher(raw) && !CompletionStage.class.isAssignableFrom(raw);
    }

    /** A publisher of many values, which Micronaut writes as one JSON array. */
    private static boolean isStreamed(Class<?> raw, boolean singleResult) {
        return isReactive(raw) && !singleResult && !Publishers.isSingle(raw);
    }

    /**
     * A generic type of the service's own whose type variable one property holds, alone or in a list: the answer
     * is at that property's wire name. Types with no such property, or several, are elements themselves.
     */
    private static Optional<ResponseShape> wrapped(Argument<?> type, SerializationSettings settings, String where) {
        Argument<?>[] arguments = type.getTypeParameters();
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type.getType());
        if (arguments.length != 1 || introspection.isEmpty()) {
            return Optional.empty();
        }
        List<ResponseShape> holders = WireProperties.of(type, introspection.get(), settings, where).stream()
                .flatMap(property -> {
                    Argument<?> declared = property.property().asArgument();
                    ResponseEnvelope at = new ResponseEnvelope("/" + property.name(), "", "");
                    if (declared.isTypeVariable()) {
                        return Stream.of(new ResponseShape(arguments[0], false, at));
                    }
                    boolean listOfVariable = Iterable.class.isAssignableFrom(declared.getType())
                            && declared.getTypeParameters().length == 1 && declared.getTypeParameters()[0].isTypeVariable();
                    return listOfVariable ? Stream.of(new ResponseShape(arguments[0], true, at))
                            : Stream.empty();
                })
                .toList();
        return holders.size() == 1 ? Optional.of(holders.getFirst()) : Optional.empty();
    }

    private static Argument<?> firstTypeParameter(Argument<?> type) {
        Argument<?>[] parameters = type.getTypeParameters();
        return parameters.length == 0 ? Argument.OBJECT_ARGUMENT : parameters[0];
    }
}
