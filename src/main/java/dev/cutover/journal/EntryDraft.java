package dev.cutover.journal;

import java.util.Objects;

/**
 * What a caller supplies for one journal entry; the writer adds {@code entry_id}, {@code at} and
 * {@code prev_sha256}, and output tails longer than 2048 bytes are cut here at a UTF-8 boundary (approval-class
 * events without an operator are refused by {@link JournalWriter#append}, before anything is written).
 *
 * @param stepId the step, or {@link JournalEntry#RUN_STEP_ID}
 * @param phaseNumber 0..6, equal to the phase in {@code stepId}
 * @param event the event
 * @param operator who acted, or null
 * @param cmd the exact command, or null
 * @param exitCode the exit code, or null
 * @param stdoutTail stdout (tail taken here), or null
 * @param stderrTail stderr (tail taken here), or null
 * @param pollState the parsed poll state, or null
 * @param notes free text, or null
 */
public record EntryDraft(
        String stepId,
        int phaseNumber,
        JournalEvent event,
        String operator,
        String cmd,
        Integer exitCode,
        String stdoutTail,
        String stderrTail,
        String pollState,
        String notes) {

    public EntryDraft {
        JournalEntry.requireStep(stepId, phaseNumber);
        Objects.requireNonNull(event, "event");
        stdoutTail = stdoutTail == null ? null : Tails.lastBytes(stdoutTail, Tails.JOURNAL_TAIL_BYTES);
        stderrTail = stderrTail == null ? null : Tails.lastBytes(stderrTail, Tails.JOURNAL_TAIL_BYTES);
    }

    /** A draft for a step event with every optional field null. */
    public static EntryDraft of(String stepId, int phaseNumber, JournalEvent event) {
        return new EntryDraft(stepId, phaseNumber, event, null, null, null, null, null, null, null);
    }

    /** A draft for a run-level event ({@code cp-phase0-000-run}, phase 0). */
    public static EntryDraft runLevel(JournalEvent event) {
        return of(JournalEntry.RUN_STEP_ID, 0, event);
    }

    public EntryDraft withOperator(String value) {
        return new EntryDraft(
                stepId, phaseNumber, event, value, cmd, exitCode, stdoutTail, stderrTail, pollState, notes);
    }

    public EntryDraft withCmd(String value) {
        return new EntryDraft(
                stepId, phaseNumber, event, operator, value, exitCode, stdoutTail, stderrTail, pollState, notes);
    }

    public EntryDraft withExitCode(Integer value) {
        return new EntryDraft(
                stepId, phaseNumber, event, operator, cmd, value, stdoutTail, stderrTail, pollState, notes);
    }

    /** Sets both tails; full output may be passed, the tail is taken by the constructor. */
    public EntryDraft withTails(String stdout, String stderr) {
        return new EntryDraft(stepId, phaseNumber, event, operator, cmd, exitCode, stdout, stderr, pollState, notes);
    }

    public EntryDraft withPollState(String value) {
        return new EntryDraft(
                stepId, phaseNumber, event, operator, cmd, exitCode, stdoutTail, stderrTail, value, notes);
    }

    public EntryDraft withNotes(String value) {
        return new EntryDraft(
                stepId, phaseNumber, event, operator, cmd, exitCode, stdoutTail, stderrTail, pollState, value);
    }
}
