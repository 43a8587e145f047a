package dev.cutover.engine;

import java.time.Instant;
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
}
