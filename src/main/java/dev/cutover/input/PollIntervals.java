package dev.cutover.input;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code poll_interval_seconds} values: decimal seconds in cutover.yaml, durations everywhere else. */
public final class PollIntervals {
    private PollIntervals() {}

    /** The duration of {@code seconds} (decimal), to the millisecond. */
    public static Duration of(BigDecimal seconds) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    /** A duration written as cutover.yaml and prompts write it: {@code 60}, {@code 0.05}. */
    public static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis())
                .movePointLeft(3)
                .stripTrailingZeros()
                .toPlainString();
    }
}
