package dev.cutover.journal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verdict of {@code cutover verify-journal}: either every complete line is intact, or the first line whose
 * check fails and why.
 *
 * @param ok true when every check passed
 * @param entryCount the entries that passed every check (all of them when {@code ok})
 * @param firstBadLine the 1-based number of the first failing line, empty when {@code ok}
 * @param reason why that line fails, empty when {@code ok}
 * @param lineInProgress the live run (e.g. {@code pid 4242 on bastion-1}) still writing the last line, which has
 *     no LF yet and so was not checked; empty when the file ends with a complete line (always when not {@code ok})
 */
public record VerificationResult(
        boolean ok,
        long entryCount,
        OptionalLong firstBadLine,
        Optional<String> reason,
        Optional<String> lineInProgress) {
    public VerificationResult {
        Objects.requireNonNull(firstBadLine, "firstBadLine");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(lineInProgress, "lineInProgress");
        if (ok == firstBadLine.isPresent() || ok == reason.isPresent()) {
            throw new IllegalArgumentException("a failed result needs a line and a reason; an ok one neither");
        }
        if (!ok && lineInProgress.isPresent()) {
            throw new IllegalArgumentException("a failed result names no line in progress");
        }
    }

    static VerificationResult passed(long entryCount) {
        return new VerificationResult(true, entryCount, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    static VerificationResult passedWhileWritten(long entryCount, String liveRun) {
        return new VerificationResult(true, entryCount, OptionalLong.empty(), Optional.empty(), Optional.of(liveRun));
    }

    static VerificationResult failed(long entryCount, long line, String reason) {
        return new VerificationResult(false, entryCount, OptionalLong.of(line), Optional.of(reason), Optional.empty());
    }

    /** One line for the operator, e.g. {@code line 7: prev_sha256 does not match …}. */
    public String describe() {
        if (!ok) {
            return "line " + firstBadLine.getAsLong() + ": " + reason.get();
        }
        return lineInProgress
                .map(run -> entryCount + " entries verified; the last line is still being written by the live run ("
                        + run + ")")
                .orElse("journal intact: metadata + " + entryCount + " entries, hash chain verified");
    }
}
