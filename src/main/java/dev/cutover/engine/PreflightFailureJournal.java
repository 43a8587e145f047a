package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.nio.file.Files;
import java.time.Clock;

/**
 * Records a pre-flight failure (checks 3–7) as FORMATS.md §5 prescribes: when no journal exists, a metadata line
 * and one run-level {@code step-failed} naming the check and reason. No lock file, no steps file. The next run
 * sets such a journal aside and starts fresh.
 */
final class PreflightFailureJournal {
    private static final String UNKNOWN_ACCOUNT = "000000000000";

    private PreflightFailureJournal() {}

    static void record(
            RunDirectory dir, LoadedPlan plan, String operator, Clock clock, String check, CutoverException e) {
        if (Files.exists(dir.journalFile())) {
            return;
        }
        String runId = plan == null
                ? dir.root().getFileName().toString()
                : plan.inputs().controlPlane().metadata().runId();
        String source = plan == null
                ? UNKNOWN_ACCOUNT
                : plan.inputs().controlPlane().metadata().sourceAccountId();
        String target = plan == null
                ? UNKNOWN_ACCOUNT
                : plan.inputs().controlPlane().metadata().targetAccountId();
        JournalMetadata metadata = JournalMetadata.standard(runId, clock.instant(), source, target, "cutover");
        JournalWriter writer = JournalWriter.create(dir.journalFile(), metadata, clock);
        try {
            String notes = (check.isEmpty() ? "" : check + ": ") + e.getMessage() + problems(e);
            writer.append(EntryDraft.runLevel(JournalEvent.STEP_FAILED)
                    .withOperator(operator)
                    .withNotes(notes));
        } finally {
            writer.close();
        }
    }

    private static String problems(CutoverException e) {
        if (e.problems().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        e.problems()
                .forEach(p -> b.append(" | ")
                        .append(p.file())
                        .append(' ')
                        .append(p.pointer())
                        .append(": ")
                        .append(p.message()));
        return b.toString();
    }
}
