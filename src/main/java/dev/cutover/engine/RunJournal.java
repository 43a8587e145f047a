package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalWriter;
import dev.cutover.shell.CommandResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's view of the journal: every entry carries the resolved operator (FORMATS.md §3.2 (R): operator
 * on all events) and the step's phase, and each append is durable before the call returns. Appends are
 * serialized: notification deliveries journal their outcomes from their own threads into the same hash chain.
 */
final class RunJournal {
    private final JournalWriter writer;
    private final String operator;
    private final Map<String, StepLifecycle.State> states = new HashMap<>();
    private String lastStepId;

    RunJournal(JournalWriter writer, String operator) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    /** Resume: the state a step is picked up in (from the journal's replay), before any new event. */
    synchronized void seed(String stepId, StepLifecycle.State state) {
        states.put(stepId, state);
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

    /**
     * Appends after checking the step lifecycle, so an illegal transition is never written. Synchronized so that a
     * delivery thread's run-level entry and the walk's entries are chained one after the other.
     */
    synchronized JournalEntry append(EntryDraft draft) {
        boolean stepLevel = !JournalEntry.RUN_STEP_ID.equals(draft.stepId());
        StepLifecycle.State next = stepLevel
                ? StepLifecycle.next(
                        states.getOrDefault(draft.stepId(), StepLifecycle.State.NOT_STARTED), draft.event())
                : null;
        JournalEntry entry = writer.append(draft.withOperator(operator));
        if (stepLevel) {
            states.put(draft.stepId(), next);
            lastStepId = draft.stepId();
        }
        return entry;
    }

    /** The step of the last step-level entry this run wrote, or null. */
    synchronized String lastStepId() {
        return lastStepId;
    }

    synchronized void close() {
        writer.close();
    }
}
