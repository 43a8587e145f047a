package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.JournalWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real journal in a temp folder, written by {@link JournalWriter} under a {@link MutableClock} that moves
 * one second per entry, and read back by {@link JournalReader} exactly as status and report read it.
 */
final class TestJournal implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00.000Z");
    static final String RUN_ID = "northwind-42";
    static final String OPERATOR = "alice";

    final MutableClock clock = new MutableClock(T0);
    final Path path;
    private final JournalWriter writer;

    TestJournal(Path dir) {
        path = dir.resolve("execution-log.jsonl");
        writer = JournalWriter.create(
                path, JournalMetadata.standard(RUN_ID, T0, "111111111111", "222222222222", "0.1.0"), clock);
    }

    TestJournal after(Duration pause) {
        clock.advance(pause);
        return this;
    }

    TestJournal append(EntryDraft draft) {
        clock.advance(Duration.ofSeconds(1));
        writer.append(draft.withOperator(OPERATOR));
        return this;
    }

    TestJournal event(String stepId, JournalEvent event) {
        return append(draft(stepId, event));
    }

    TestJournal event(String stepId, JournalEvent event, String notes) {
        return append(draft(stepId, event).withNotes(notes));
    }

    TestJournal lockAcquired() {
        return append(EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED));
    }

    TestJournal lockReleased() {
        return append(EntryDraft.runLevel(JournalEvent.LOCK_RELEASED));
    }

    /** Started, prompted, approved: the step is waiting on its command. */
    TestJournal approve(String stepId) {
        return event(stepId, JournalEvent.STEP_STARTED)
                .event(stepId, JournalEvent.APPROVAL_REQUESTED, "{}")
                .event(stepId, JournalEvent.APPROVED);
    }

    TestJournal executed(String stepId, int exitCode, String stderr) {
        return append(draft(stepId, JournalEvent.EXECUTED)
                .withCmd("true")
                .withExitCode(exitCode)
                .withTails("", stderr));
    }

    /** The whole happy lifecycle of one step. */
    TestJournal succeed(String stepId) {
        return approve(stepId)
                .executed(stepId, 0, "")
                .event(stepId, JournalEvent.VERIFY_PASSED)
                .event(stepId, JournalEvent.STEP_SUCCEEDED);
    }

    /** Execute fails, the dialog is offered and the operator skips the rollback. */
    TestJournal fail(String stepId, String stderr) {
        return approve(stepId)
                .executed(stepId, 1, stderr)
                .event(stepId, JournalEvent.STEP_FAILED)
                .event(stepId, JournalEvent.ROLLBACK_OFFERED)
                .event(stepId, JournalEvent.ROLLBACK_SKIPPED);
    }

    TestJournal skip(String stepId, String notes) {
        return event(stepId, JournalEvent.STEP_STARTED)
                .event(stepId, JournalEvent.APPROVAL_REQUESTED, "{}")
                .event(stepId, JournalEvent.SKIPPED, notes);
    }

    Instant now() {
        return clock.instant();
    }

    JournalContents read() {
        return new JournalReader().read(path);
    }

    List<JournalEntry> entries() {
        return read().entries();
    }

    ReportInput input(List<ExecutionStep> steps, List<FreezeSpec> freezes) {
        return ReportInput.of(read(), steps, freezes);
    }

    ReportInput input(List<ExecutionStep> steps) {
        return input(steps, List.of());
    }

    private static EntryDraft draft(String stepId, JournalEvent event) {
        int phase = stepId.charAt("cp-phase".length()) - '0';
        return EntryDraft.of(stepId, phase, event);
    }

    @Override
    public void close() {
        writer.close();
    }
}
