package io.tributary.examples;

import java.net.URI;

/** A running example service as the CLI sees it: where it serves, and a graceful stop that retracts its catalog. */
public interface ExampleService extends AutoCloseable {
    URI uri();

    @Override
    void close();
}
