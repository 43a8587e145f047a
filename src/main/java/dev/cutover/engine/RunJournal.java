package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalWriter;
import dev.cutover.shell.CommandResult;
import java.util.Objects;

/**
 * The engine's view of the journal: every entry carries the resolved operator (FORMATS.md §3.2 (R): operator
 * on all events) and the step's phase, and each append is durable before the call returns.
 */
final class RunJournal {
    private final JournalWriter writer;
    private final String operator;

    RunJournal(JournalWriter writer, String operator) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    String operator() {
        return operator;
    }

    JournalEntry event(ExecutionStep step, JournalEvent event) {
        return append(draft(step, event));
    }

    JournalEntry event(ExecutionStep step, JournalEvent event, String notes) {
        return append(draft(step, event).withNotes(notes));
    }

    JournalEntry command(ExecutionStep step, JournalEvent event, String cmd, CommandResult result, String notes) {
        return append(draft(step, event)
                .withCmd(cmd)
                .withExitCode(result.exitCode())
                .withTails(result.stdoutTail(), result.stderrTail())
                .withNotes(notes));
    }

    JournalEntry runLevel(JournalEvent event, String notes) {
        return append(EntryDraft.runLevel(event).withNotes(notes));
    }

    EntryDraft draft(ExecutionStep step, JournalEvent event) {
        return EntryDraft.of(step.stepId(), step.phaseNumber(), event);
    }

    JournalEntry append(EntryDraft draft) {
        return writer.append(draft.withOperator(operator));
    }

    void close() {
        writer.close();
    }
}
