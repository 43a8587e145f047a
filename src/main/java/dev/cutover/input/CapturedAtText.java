package dev.cutover.input;

import java.util.Objects;

/**
 * One JSON input's {@code metadata.captured_at}, as written (the schema checks its format; pre-flight check 5
 * parses it and judges its age).
 *
 * @param file the input's file name
 * @param capturedAt the text of its {@code metadata.captured_at}
 */
public record CapturedAtText(String file, String capturedAt) {
    public CapturedAtText {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
