package dev.cutover.testing;

import dev.cutover.engine.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that returns at once and records what it was asked to wait. It refuses after a limit, so a
 * poll loop that never reaches a terminal state fails the test instead of spinning forever.
 */
public final class RecordingSleeper implements Sleeper {
    static final int LIMIT = 200;

    private final List<Duration> requests = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        requests.add(duration);
        if (requests.size() > LIMIT) {
            throw new IllegalStateException("asked to sleep more than " + LIMIT + " times: a poll loop never ends");
        }
    }

    public synchronized List<Duration> requests() {
        return List.copyOf(requests);
    }
}
