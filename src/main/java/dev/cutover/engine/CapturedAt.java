package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.CapturedAtText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * When one input file's data was captured, from its {@code metadata.captured_at}.
 *
 * @param file the input's file name relative to the run directory, e.g. {@code migration-plan.json}
 * @param capturedAt the instant the discovery data was captured
 */
public record CapturedAt(String file, Instant capturedAt) {
    public CapturedAt {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    /**
     * Reads an RFC 3339 date-time, which is what the schemas' {@code date-time} format admits: besides
     * {@code 2026-11-20T10:00:00Z} also a space or {@code t} between date and time, a lowercase {@code z} and an
     * offset such as {@code +02:00}. The staleness check must read every value the schema let through.
     */
    static CapturedAt parse(CapturedAtText input) {
        String text = input.capturedAt().strip();
        if (text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')) {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            return new CapturedAt(
                    input.file(),
                    OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
        } catch (DateTimeParseException e) {
            throw new CutoverException(
                    ErrorCode.INPUT_INVALID,
                    input.file() + ": /metadata/captured_at: `" + input.capturedAt()
                            + "` is not a date-time with an offset; write it like 2026-11-20T10:00:00Z");
        }
    }
}
