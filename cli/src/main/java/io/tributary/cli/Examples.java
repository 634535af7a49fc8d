package io.tributary.cli;

import io.tributary.avro.Topics;
import io.tributary.examples.ExampleService;
import io.tributary.examples.courses.CoursesApp;
import io.tributary.examples.courses.Variant;
import io.tributary.examples.enrollments.EnrollmentsApp;
import io.tributary.examples.instructors.InstructorsApp;

/** The example services the CLI can run, and how to start each against a broker. */
enum Examples {
    courses, instructors, enrollments, partners;

    /** Starts the example; {@code variant} matters only for courses (v1 or v2). */
    ExampleService start(String variant, int port, String bootstrapServers, Topics topics) {
        return start(variant, port, bootstrapServers, topics, null);
    }

    /**
     * Starts the example publishing {@code baseUrl} (when not null) as where the gateway reaches it, for a service
     * behind a proxy or in a container whose own URL the gateway cannot use.
     */
    ExampleService start(String variant, int port, String bootstrapServers, Topics topics, String baseUrl) {
        if (baseUrl != null && this != partners) {
            // Micronaut reads system properties as configuration: the publisher announces this URL instead of its own.
            System.setProperty("tributary.publisher.base-url", baseUrl);
        }
        return switch (this) {
            case courses -> CoursesApp.start(Variant.parse(variant), port, bootstrapServers, topics);
            case instructors -> InstructorsApp.start(port, bootstrapServers, topics);
            case enrollments -> EnrollmentsApp.start(port, bootstrapServers, topics);
            case partners -> PartnersWithSidecar.start(port, bootstrapServers, topics, baseUrl);
        };
    }
}
