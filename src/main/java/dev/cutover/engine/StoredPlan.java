package dev.cutover.engine;

import dev.cutover.compile.StepsDiff;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.PlanDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A run that continues (resume, rollback) walks the plan its journal was written against: the stored
 * {@code execution-steps.json} must be byte-identical to what the inputs compile to now (FORMATS.md §6.7), or the
 * journal's step ids would no longer mean what they meant. And it must be the plan the run started with, as the
 * journal's lock entries recorded its digest ({@link PlanDigest}): the inputs and the steps file can be replaced
 * together, which the first check alone cannot see.
 */
final class StoredPlan {
    private StoredPlan() {}

    /**
     * Throws {@link ErrorCode#PLAN_DRIFT} when the journal ({@code entries}) recorded another plan for the run than
     * {@code stored}, the steps file {@link #require} accepted. A journal that recorded none (written before Cutover
     * recorded it, or by an upstream executor) passes, as before. Callers check the approved commands first, so an
     * edit of one is refused naming the step and both texts rather than only the digests.
     */
    static void requireStartedWith(byte[] stored, List<JournalEntry> entries) {
        PlanDigest now = PlanDigest.of(stored);
        PlanDigest.startedWith(entries)
                .filter(started -> !started.digest().equals(now))
                .ifPresent(started -> {
                    throw new CutoverException(
                            ErrorCode.PLAN_DRIFT,
                            RunDirectory.STEPS + " (sha256 " + now.shortForm() + ") matches the inputs, but it is"
                                    + " not the plan this run started with (sha256 "
                                    + started.digest().shortForm() + ", " + RunDirectory.JOURNAL + " entry "
                                    + started.entryId() + "): both were changed since. Restore the inputs and "
                                    + RunDirectory.STEPS + " the run started with; a changed plan needs a new run"
                                    + " directory.");
                });
    }

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
