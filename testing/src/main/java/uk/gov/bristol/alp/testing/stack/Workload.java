package uk.gov.bristol.alp.testing.stack;

import java.time.Duration;

/** One running ALP service or the gateway in a {@link Stack}: its own JVM, or a container from the manifests. */
public interface Workload {
    String name();

    String url();

    void start();

    void awaitReady(Duration timeout);

    long pid();

    /** Stops it as a crash would: no shutdown hooks, nothing finished politely. */
    void kill();

    void stop();
}
