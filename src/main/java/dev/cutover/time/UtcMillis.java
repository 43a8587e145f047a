package dev.cutover.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one timestamp shape Cutover writes everywhere (journal, step logs, lock file, reports, webhooks): UTC,
 * ISO-8601, exactly three fraction digits and {@code Z}, e.g. {@code 2026-11-21T13:45:01.123Z}, i.e. the pattern
 * {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}. Digits below the millisecond are dropped, never rounded.
 *
 * <p>Written by hand because a run formats several timestamps per step, on the walk's critical path, mostly
 * before the JIT has compiled anything: {@link DateTimeFormatter} costs tens of microseconds per call there, this
 * a few. Years outside 0000–9999, which the fixed layout cannot hold, go through the formatter.
 */
public final class UtcMillis {
    private static final int SECONDS_PER_DAY = 86_400;

    private UtcMillis() {}

    /** E.g. {@code 2026-11-21T13:45:01.123Z}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return Wide.FORMAT.format(instant);
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] out = new char[24];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The formatter, built only when a year needs more or other than four digits. */
    private static final class Wide {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    }
}
