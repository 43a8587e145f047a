package dev.cutover.engine;

import dev.cutover.compile.StepsDiff;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A run that continues (resume, rollback) walks the plan its journal was written against: the stored
 * {@code execution-steps.json} must be byte-identical to what the inputs compile to now (FORMATS.md §6.7), or the
 * journal's step ids would no longer mean what they meant.
 */
final class StoredPlan {
    private StoredPlan() {}

    /** Throws {@link ErrorCode#PLAN_DRIFT} naming the first difference when {@code file} is not {@code compiled}. */
    static void require(Path file, byte[] compiled) {
        RunFiles.requireReadableIfPresent(file);
        if (!Files.exists(file)) {
            throw new CutoverException(
                    ErrorCode.PLAN_DRIFT,
                    file.getFileName() + " is missing: the journal cannot be matched to the plan it ran."
                            + " Restore the file from the run directory's backup.");
        }
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot read " + file + ": " + e, e);
        }
        if (!Arrays.equals(stored, compiled)) {
            throw new CutoverException(
                    ErrorCode.PLAN_DRIFT,
                    file.getFileName() + " differs from what the inputs compile to now: "
                            + StepsDiff.firstDifference(stored, compiled).orElse("byte-level difference only")
                            + ". Restore the inputs the run started with; a changed plan needs a new run directory.");
        }
    }
}
