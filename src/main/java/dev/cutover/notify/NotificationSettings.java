package dev.cutover.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How notifications are delivered: the retry policy, how a delivery thread waits between attempts, and how long
 * the end of a run waits for deliveries still in flight before journaling them as failed.
 */
public record NotificationSettings(RetryPolicy retry, Pause pause, Duration endOfRunGrace) {
    public NotificationSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(endOfRunGrace, "endOfRunGrace");
        if (endOfRunGrace.isNegative()) {
            throw new IllegalArgumentException("endOfRunGrace must not be negative: " + endOfRunGrace);
        }
    }

    /** {@link RetryPolicy#defaults()}, real sleeps on the delivery threads, 5 s of grace at the end of a run. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(RetryPolicy.defaults(), Pause.system(), Duration.ofSeconds(5));
    }
}
