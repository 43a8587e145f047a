package dev.cutover.engine;

import java.time.Duration;

/** Waits between polls and before transient retries; injected so a 60-second interval costs nothing in tests. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
