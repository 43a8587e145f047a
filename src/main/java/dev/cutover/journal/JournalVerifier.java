package dev.cutover.journal;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Path;

/**
 * Backs {@code cutover verify-journal}: valid metadata, every entry valid, ids e1..eN without gaps or
 * repeats, each {@code prev_sha256} equal to the SHA-256 of the previous line, time never going back,
 * and a final LF; a torn tail fails verification here (it is only tolerated by the reader).
 */
public final class JournalVerifier {
    private final JournalCodec codec = new JournalCodec();

    /**
     * Verifies the file, reporting the first failing line instead of throwing.
     *
     * @throws CutoverException with {@link ErrorCode#IO_FAILURE} when the file cannot be read
     */
    public VerificationResult verify(Path journal) {
        JournalScan.Outcome outcome = JournalReader.scan(journal, codec, null);
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
