package dev.cutover.notify;

import java.time.Duration;

/** Waits between delivery attempts on a delivery thread; injected so tests of the backoff never wait. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    /** The real thing: the delivery thread sleeps (the walk never waits for it). */
    static Pause system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
