package dev.cutover.journal;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Backs {@code cutover verify-journal}: valid metadata, every entry valid, ids e1..eN without gaps or
 * repeats, each {@code prev_sha256} equal to the SHA-256 of the previous line, time never going back,
 * and a final LF; a torn tail fails verification here (it is only tolerated by the reader), unless a live run
 * is still writing that line.
 */
public final class JournalVerifier {
    private final JournalCodec codec = new JournalCodec();

    /**
     * Verifies the file as one no run is appending to, reporting the first failing line instead of throwing.
     *
     * @throws CutoverException with {@link ErrorCode#IO_FAILURE} when the file cannot be read
     */
    public VerificationResult verify(Path journal) {
        return verify(journal, Optional::empty);
    }

    /**
     * Verifies the file, reporting the first failing line instead of throwing. A last line without LF is asked
     * about only after the read: {@code liveRun} names the live run holding the journal (then the line is still
     * being written, not torn) or is empty (then the file is read once more, since the run may have finished the
     * line and ended between the read and the look, and what remains without LF is torn).
     *
     * @throws CutoverException with {@link ErrorCode#IO_FAILURE} when the file cannot be read
     */
    public VerificationResult verify(Path journal, Supplier<Optional<String>> liveRun) {
        JournalScan.Outcome outcome = JournalReader.scan(journal, codec, null);
        if (unterminatedTail(outcome)) {
            Optional<String> live = liveRun.get();
            if (live.isPresent()) {
                // Linux makes a long append visible a page at a time: the LF is simply not there yet.
                return VerificationResult.passedWhileWritten(outcome.entryCount(), live.get());
            }
            outcome = JournalReader.scan(journal, codec, null);
        }
        return verdict(outcome);
    }

    private static boolean unterminatedTail(JournalScan.Outcome outcome) {
        return outcome.failure().isEmpty()
                && outcome.tornTail().map(TornTail::unterminated).orElse(false);
    }

    private static VerificationResult verdict(JournalScan.Outcome outcome) {
        if (outcome.failure().isPresent()) {
            JournalScan.Failure failure = outcome.failure().get();
            return VerificationResult.failed(outcome.entryCount(), failure.line(), failure.reason());
        }
        if (outcome.tornTail().isPresent()) {
            TornTail torn = outcome.tornTail().get();
            return VerificationResult.failed(
                    outcome.entryCount(),
                    torn.lineNumber(),
                    "torn last line (" + torn.reason() + "); `cutover repair` moves its " + torn.bytes().length
                            + " bytes aside");
        }
        return VerificationResult.passed(outcome.entryCount());
    }
}
