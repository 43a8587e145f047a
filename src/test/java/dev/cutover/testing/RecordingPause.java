package dev.cutover.testing;

import dev.cutover.notify.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Pause} that returns at once and records the backoff it was asked for, from any delivery thread. */
public final class RecordingPause implements Pause {
    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public synchronized void pause(Duration duration) {
        pauses.add(duration);
    }

    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
