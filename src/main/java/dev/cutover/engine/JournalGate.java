package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalIntegrityException;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.ReplayedJournal;
import dev.cutover.journal.RunFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Check 2 of FORMATS.md §5: a journal present without {@code --resume} halts; {@code --resume} without one
 * halts; a journal holding only run-level pre-flight failures is set aside byte for byte as
 * {@code execution-log.preflight-<n>.jsonl} and the run starts fresh, with or without {@code --resume}.
 */
public final class JournalGate {
    private final RunDirectory runDir;

    JournalGate(RunDirectory runDir) {
        this.runDir = runDir;
    }

    /** Check 2 without side effects: a journal of pre-flight failures only counts as absent. */
    void peek(boolean resume) {
        Path journal = journal();
        boolean present = Files.exists(journal) && !onlyPreflightFailures(journal);
        if (resume && !present) {
            throw new CutoverException(
                    ErrorCode.RESUME_WITHOUT_JOURNAL, "check 2: --resume but there is no run to resume");
        }
        if (!resume && present) {
            throw new CutoverException(
                    ErrorCode.JOURNAL_EXISTS,
                    "check 2: " + journal.getFileName() + " exists: a run already started in " + runDir.root());
        }
    }

    /**
     * Check 2 with its side effect: empty for a fresh run (a journal of pre-flight failures only is set aside
     * first); for {@code --resume}, the journal to continue, read in full. A torn last line or any other damage
     * refuses the resume (exit 6): nothing is ever truncated or rewritten here.
     */
    Optional<JournalContents> check(boolean resume) {
        Path journal = journal();
        if (Files.exists(journal) && onlyPreflightFailures(journal)) {
            // Nothing ran in that attempt, so there is nothing to resume: start fresh, even with --resume
            // (FORMATS.md §5; the failed run's report tells the operator to re-run with --resume).
            setAside(journal);
            return Optional.empty();
        }
        if (!Files.exists(journal)) {
            if (resume) {
                throw new CutoverException(
                        ErrorCode.RESUME_WITHOUT_JOURNAL, "check 2: --resume but " + journal + " does not exist");
            }
            return Optional.empty();
        }
        if (!resume) {
            throw new CutoverException(
                    ErrorCode.JOURNAL_EXISTS,
                    "check 2: " + journal.getFileName() + " exists: a run already started in " + runDir.root());
        }
        return Optional.of(readForResume(journal));
    }

    /**
     * Whether a run has started in {@code runDir}: its journal holds more than pre-flight failures (or cannot be
     * read as such), so {@code execute} needs {@code --resume} there and the run's steps file is the plan it
     * started with, which nothing may write again.
     */
    public static boolean runStarted(RunDirectory runDir) {
        return !new JournalGate(runDir).startsFresh();
    }

    /** Whether {@code execute} here starts a fresh run: no journal, or one holding only pre-flight failures. */
    boolean startsFresh() {
        Path journal = journal();
        return !Files.exists(journal) || onlyPreflightFailures(journal);
    }

    /**
     * {@code cutover rollback}: the run's journal, read in full, never set aside; missing, damaged or torn refuses
     * exactly as {@code --resume} does.
     */
    JournalContents existing() {
        Path journal = journal();
        if (!Files.exists(journal)) {
            throw new CutoverException(
                    ErrorCode.NOTHING_TO_ROLL_BACK,
                    "there is no run to roll back: " + journal + " does not exist (nothing has run here)");
        }
        return readForResume(journal);
    }

    /**
     * The journal {@code --resume} would continue, for checks that change nothing (pre-flight, dry run); call it
     * only when {@link #startsFresh()} is false. Damage refuses exactly as {@code --resume} does.
     */
    JournalContents toContinue() {
        return readForResume(journal());
    }

    /** The journal's path, refused when a folder (or an unreadable file) is there: no check reads it as absent. */
    private Path journal() {
        Path journal = runDir.journalFile();
        RunFiles.requireReadableIfPresent(journal);
        return journal;
    }

    private JournalContents readForResume(Path journal) {
        JournalContents contents;
        try {
            contents = new JournalReader().read(journal);
        } catch (JournalIntegrityException e) {
            throw new CutoverException(
                    ErrorCode.JOURNAL_CORRUPT,
                    "check 2: " + e.getMessage() + "; `cutover verify-journal --run-dir " + runDir.shellWord()
                            + "` names the line. The journal is never repaired automatically.",
                    e);
        }
        if (contents.isTorn()) {
            throw new CutoverException(
                    ErrorCode.JOURNAL_TORN_TAIL,
                    "check 2: the last line of " + journal + " is incomplete (line "
                            + contents.tornTail().get().lineNumber() + "): the process died while appending it."
                            + " Run `cutover repair --run-dir " + runDir.shellWord() + "` to set the torn bytes aside"
                            + " (nothing else changes), then resume again.");
        }
        return contents;
    }

    private static boolean onlyPreflightFailures(Path journal) {
        try {
            ReplayedJournal contents = new JournalReader().replay(journal);
            RunFacts facts = contents.state().facts();
            // Lock events and step events are folded apart from the other run-level entries.
            return contents.tornTail().isEmpty()
                    && facts.entryCount() > 0
                    && facts.runLevelEntries().size() == facts.entryCount()
                    && facts.runLevelEntries().stream().allMatch(e -> e.event() == JournalEvent.STEP_FAILED);
        } catch (JournalIntegrityException e) {
            return false; // a damaged journal is never set aside silently
        }
    }

    private void setAside(Path journal) {
        for (int n = 1; ; n++) {
            Path target = runDir.file("execution-log.preflight-" + n + ".jsonl");
            if (!Files.exists(target)) {
                try {
                    Files.move(journal, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (IOException e) {
                    throw new CutoverException(
                            ErrorCode.IO_FAILURE, "cannot set aside " + journal + " as " + target + ": " + e, e);
                }
            }
        }
    }
}
