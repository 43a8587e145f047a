package dev.cutover.journal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verdict of {@code cutover verify-journal}: either the whole file is intact, or the first line whose
 * check fails and why.
 *
 * @param ok true when every check passed
 * @param entryCount the entries that passed every check (all of them when {@code ok})
 * @param firstBadLine the 1-based number of the first failing line, empty when {@code ok}
 * @param reason why that line fails, empty when {@code ok}
 */
public record VerificationResult(boolean ok, long entryCount, OptionalLong firstBadLine, Optional<String> reason) {
    public VerificationResult {
        Objects.requireNonNull(firstBadLine, "firstBadLine");
        Objects.requireNonNull(reason, "reason");
        if (ok == firstBadLine.isPresent() || ok == reason.isPresent()) {
            throw new IllegalArgumentException("a failed result needs a line and a reason; an ok one neither");
        }
    }

    static VerificationResult passed(long entryCount) {
        return new VerificationResult(true, entryCount, OptionalLong.empty(), Optional.empty());
    }

    static VerificationResult failed(long entryCount, long line, String reason) {
        return new VerificationResult(false, entryCount, OptionalLong.of(line), Optional.of(reason));
    }

    /** One line for the operator, e.g. {@code line 7: prev_sha256 does not match …}. */
    public String describe() {
        return ok
                ? "journal intact: metadata + " + entryCount + " entries, hash chain verified"
                : "line " + firstBadLine.getAsLong() + ": " + reason.get();
    }
}
