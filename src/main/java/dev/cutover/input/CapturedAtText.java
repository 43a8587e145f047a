package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

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

    /** The {@code metadata.captured_at} of a parsed JSON input, when it has one as text. */
    public static Optional<CapturedAtText> of(String file, JsonNode document) {
        JsonNode at = document == null ? null : document.path("metadata").path("captured_at");
        return at != null && at.isTextual() ? Optional.of(new CapturedAtText(file, at.asText())) : Optional.empty();
    }
}
