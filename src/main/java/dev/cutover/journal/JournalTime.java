package dev.cutover.journal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The journal's one timestamp shape: UTC, ISO-8601, exactly three fraction digits, {@code Z}. */
final class JournalTime {
    static final String PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$";

    private static final String SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

    private JournalTime() {}

    /**
     * Parses exactly the journal shape (no offsets, no missing millis, no lower-case z). Hand-rolled
     * because the reader parses one timestamp per line and a formatter costs microseconds each time.
     */
    static Instant parse(String text) {
        if (text == null || !hasShape(text)) {
            throw new IllegalArgumentException("timestamp must look like 2026-11-21T13:45:01.123Z: " + text);
        }
        try {
            return LocalDateTime.of(
                            number(text, 0, 4),
                            number(text, 5, 2),
                            number(text, 8, 2),
                            number(text, 11, 2),
                            number(text, 14, 2),
                            number(text, 17, 2),
                            number(text, 20, 3) * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timestamp is not a real UTC instant: " + text, e);
        }
    }

    /** True when the instant survives a round trip through the journal format unchanged. */
    static boolean isRepresentable(Instant instant) {
        if (instant.getNano() % 1_000_000 != 0) {
            return false;
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        return year >= 0 && year <= 9999;
    }

    private static boolean hasShape(String text) {
        if (text.length() != SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < SHAPE.length(); i++) {
            char expected = SHAPE.charAt(i);
            char actual = text.charAt(i);
            boolean ok = expected == 'd' ? actual >= '0' && actual <= '9' : actual == expected;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
