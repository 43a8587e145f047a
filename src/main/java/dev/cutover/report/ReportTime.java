package dev.cutover.report;

import dev.cutover.time.DurationText;
import dev.cutover.time.UtcMillis;
import java.time.Duration;
import java.time.Instant;

/** The report package's renderings of instants (the journal's UTC millisecond shape) and durations. */
final class ReportTime {
    private ReportTime() {}

    /** E.g. {@code 2026-11-21T13:45:01.123Z}; null stays null so JSON can write it as null. */
    static String format(Instant instant) {
        return instant == null ? null : UtcMillis.format(instant);
    }

    /** E.g. {@code 2h 05m 09s}, {@code 4m 00s}, {@code 12s}. */
    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toHours() > 0) {
            return d.toHours() + "h " + DurationText.twoDigits(d.toMinutesPart()) + "m "
                    + DurationText.twoDigits(d.toSecondsPart()) + "s";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + DurationText.twoDigits(d.toSecondsPart()) + "s";
        }
        return d.toSeconds() + "s";
    }
}
