package dev.cutover.engine;

import dev.cutover.digest.Sha256;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.util.Objects;

/**
 * The exact command text an operator approved and its SHA-256. The engine runs only text whose hash equals
 * the approved one, so nothing between the prompt and the shell can change what runs.
 */
public record ApprovedCommand(String text, String sha256) {
    public ApprovedCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static ApprovedCommand of(String text) {
        return new ApprovedCommand(text, sha256(text));
    }

    /** Returns {@code text} when it is exactly what was approved; refuses otherwise. */
    public String require(String candidate, String stepId) {
        if (!sha256.equals(sha256(candidate))) {
            throw new CutoverException(
                    ErrorCode.INTERNAL,
                    "refusing to run a command for " + stepId + " whose SHA-256 differs from the approved one ("
                            + sha256 + ")");
        }
        return candidate;
    }

    public static String sha256(String text) {
        return Sha256.hex(text);
    }
}
