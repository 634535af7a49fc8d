package io.tributary.examples.courses;

/** The two deploys of the courses service: v2 adds {@code durationMinutes}, so a rollback to v1 removes it. */
public enum Variant {
    V1("1.0.0"), V2("2.0.0");

    private final String serviceVersion;

    Variant(String serviceVersion) {
        this.serviceVersion = serviceVersion;
    }

    public String serviceVersion() {
        return serviceVersion;
    }

    public static Variant parse(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
