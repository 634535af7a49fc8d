package io.tributary.examples.partners;

import java.util.List;

/** An organisation that offers courses, as the partners service returns it (schema {@code Partner} in openapi.yaml). */
public record Partner(String id, String name, PartnerKind kind, String country, String website, int foundedYear,
                      Contact contact, List<String> subjects) {

    /** Whom to write to about a partnership. */
    public record Contact(String email, String phone) {
    }
}
