package io.tributary.gateway.http;

import graphql.ExecutionResult;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two media types a GraphQL response is sent in (GraphQL over HTTP, "Body" and "Status Codes"), chosen from the
 * request's {@code Accept} header; each decides the status of a response to a well-formed request.
 */
enum ResponseFormat {
    /** The spec's preferred type: request errors (no {@code data}) get 4xx, so intermediaries and clients can tell. */
    GRAPHQL_RESPONSE_JSON("application/graphql-response+json"),
    /** For older clients: every response to a well-formed request is a 200, errors are only in the body. */
    JSON("application/json");

    private final String type;
    private final MediaType mediaType;

    ResponseFormat(String type) {
        this.type = type;
        this.mediaType = MediaType.of(type + ";charset=utf-8");
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** 200 when execution started (data present, even null); otherwise 400 for graphql-response+json, 200 for json. */
    HttpStatus statusFor(ExecutionResult result) {
        return this == JSON || result.isDataPresent() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    }

    /**
     * The format the client prefers among those it accepts: highest quality first, then the one it lists first. A
     * client that names neither type (no header, {@code *}{@code /*}, {@code application/*}) gets application/json, as
     * GraphQL over HTTP advises for the legacy clients that send such headers; a client that names
     * graphql-response+json gets it. Empty when the client accepts neither.
     */
    static Optional<ResponseFormat> negotiate(List<String> acceptHeaders) {
        List<Range> ranges = new ArrayList<>();
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                if (!range.isBlank()) {
                    ranges.add(Range.parse(range, ranges.size()));
                }
            }
        }
        if (ranges.isEmpty()) {
            return Optional.of(JSON);
        }
        Choice best = null;
        // JSON first: among equally good wildcard matches the first one considered stays, and that is the legacy type.
        for (ResponseFormat format : List.of(JSON, GRAPHQL_RESPONSE_JSON)) {
            Range match = ranges.stream().filter(r -> r.matches(format.type))
                    .max((a, b) -> Integer.compare(a.specificity(), b.specificity())).orElse(null);
            if (match != null && match.quality() > 0) {
                Choice choice = new Choice(format, match);
                best = best == null || choice.beats(best) ? choice : best;
            }
        }
        return Optional.ofNullable(best).map(Choice::format);
    }

    /** One media range of an Accept header, where it was listed, and its quality. */
    private record Range(String type, String subtype, String charset, double quality, int position) {
        static Range parse(String text, int position) {
            String[] parts = text.trim().split(";");
            String[] type = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            double quality = 1;
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                String name = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
                if (name.equals("q")) {
                    quality = parseQuality(value);
                } else if (name.equals("charset")) {
                    charset = value.toLowerCase(Locale.ROOT);
                }
            }
            return new Range(type[0], type.length == 2 ? type[1] : "", charset, quality, position);
        }

        private static double parseQuality(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        boolean matches(String mediaType) {
            String[] wanted = mediaType.split("/", 2);
            boolean typeMatches = type.equals("*") || type.equals(wanted[0]);
            boolean subtypeMatches = subtype.equals("*") || subtype.equals(wanted[1]);
            return typeMatches && subtypeMatches && (charset == null || charset.equals("utf-8") || charset.equals("utf8"));
        }

        /** An exact type beats {@code application/*}, which beats {@code *}{@code /*}. */
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }
    }

    private record Choice(ResponseFormat format, Range range) {
        boolean beats(Choice other) {
            if (range.quality() != other.range.quality()) {
                return range.quality() > other.range.quality();
            }
            boolean exact = range.specificity() == 2;
            boolean otherExact = other.range.specificity() == 2;
            if (exact && otherExact) {
                return range.position() < other.range.position();
            }
            return exact && !otherExact;
        }
    }
}
