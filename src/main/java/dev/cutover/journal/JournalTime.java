package dev.cutover.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** The journal's one timestamp shape: UTC, ISO-8601, exactly three fraction digits, {@code Z}. */
final class JournalTime {
    static final String PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JournalTime() {}

    /** Formats an instant (already truncated or not) as e.g. {@code 2026-11-21T13:45:01.123Z}. */
    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses the exact journal shape; anything else (no millis, offsets, lower-case z) is refused. */
    static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("timestamp must look like 2026-11-21T13:45:01.123Z: " + text);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp is not a real UTC instant: " + text, e);
        }
    }

    /** True when the instant survives a round trip through the journal format unchanged. */
    static boolean isRepresentable(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                && instant.atZone(ZoneOffset.UTC).getYear() >= 0
                && instant.atZone(ZoneOffset.UTC).getYear() <= 9999;
    }
}
