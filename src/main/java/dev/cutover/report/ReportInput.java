package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalMetadata;
import java.util.List;
import java.util.Objects;

/**
 * Everything a summary, report or status view is folded from: the journal as read back, the plan's steps
 * in execution order and its freeze windows.
 *
 * @param metadata journal line 1 (run id, start time)
 * @param steps the plan's steps in execution order
 * @param entries the journal's intact entries in order
 * @param freezes the plan's freeze windows
 * @param tornTail true when the journal ends in a torn line (resume needs {@code cutover repair} first)
 */
public record ReportInput(
        JournalMetadata metadata,
        List<ExecutionStep> steps,
        List<JournalEntry> entries,
        List<FreezeSpec> freezes,
        boolean tornTail) {
    public ReportInput {
        Objects.requireNonNull(metadata, "metadata");
        steps = List.copyOf(steps);
        entries = List.copyOf(entries);
        freezes = List.copyOf(freezes);
    }

    /** The input for a journal read back by {@code JournalReader}. */
    public static ReportInput of(JournalContents journal, List<ExecutionStep> steps, List<FreezeSpec> freezes) {
        return new ReportInput(journal.metadata(), steps, journal.entries(), freezes, journal.isTorn());
    }

    public String runId() {
        return metadata.runId();
    }
}
