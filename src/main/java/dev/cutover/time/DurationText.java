package dev.cutover.time;

/**
 * Durations as people read them, written by hand rather than with {@link String#format}: the first
 * {@code String.format} of a run costs 10–30 ms (the formatter's classes and the locale's number symbols), and these
 * are written at the end of every run and while steps run; and a number must not change its digits with the JVM's
 * default locale. Each method writes exactly what the format pattern in its comment writes for
 * {@link java.util.Locale#ROOT} ({@code DurationTextPropertiesTest}).
 */
public final class DurationText {
    private DurationText() {}

    /** {@code %02d}: 7 → {@code 07}, 42 → {@code 42}, 120 → {@code 120}, -5 → {@code -5}. */
    public static String twoDigits(long value) {
        return value >= 0 && value < 10 ? "0" + value : Long.toString(value);
    }

    /** {@code %dh %02dm} of whole hours and the minutes left: 7,500 s → {@code 2h 05m}. */
    public static String hoursMinutes(long seconds) {
        return seconds / 3600 + "h " + twoDigits(seconds % 3600 / 60) + "m";
    }
}
