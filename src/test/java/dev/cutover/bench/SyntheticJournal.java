package dev.cutover.bench;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A finished run's journal written through the project's own {@link JournalWriter} (so the hash chain, entry
 * ids and fsyncs are the real ones), with a clock that advances one second per entry: the lock, the go/no-go,
 * then for every step the events the engine journals when it is approved and succeeds, and the lock's release.
 * A long-running step also has {@code pollTicks} poll ticks and its terminal poll.
 */
final class SyntheticJournal {
    static final String OPERATOR = "bench-operator";
    private static final String NOTES = "answers file /bench/answers.txt line 2";

    /** A step to journal. */
    record Step(String stepId, int phaseNumber, boolean longRunning) {}

    private SyntheticJournal() {}

    /** Entries (not counting the metadata line) that {@link #write} produces for {@code steps}. */
    static long entries(List<Step> steps, int pollTicks) {
        return 3 + steps.stream().mapToLong(s -> eventsOf(s, pollTicks)).sum();
    }

    /** The number of events of one step. */
    static int eventsOf(Step s, int pollTicks) {
        return s.longRunning() ? 7 + pollTicks : 6;
    }

    /** Writes the journal; {@code extraTicks} more poll ticks go to the last step (to hit an exact size). */
    static void write(Path journal, List<Step> steps, int pollTicks, int extraTicks) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (JournalWriter w = JournalWriter.create(
                journal,
                JournalMetadata.standard(
                        "bench-synthetic", start, RunDirWriter.SOURCE_ACCOUNT, RunDirWriter.TARGET_ACCOUNT, "bench"),
                new SteppingClock(start))) {
            w.append(EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED).withOperator(OPERATOR));
            w.append(EntryDraft.runLevel(JournalEvent.APPROVED)
                    .withOperator(OPERATOR)
                    .withNotes("go/no-go: proceed; " + NOTES));
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                writeStep(w, s, pollTicks + (i == steps.size() - 1 ? extraTicks : 0));
            }
            w.append(EntryDraft.runLevel(JournalEvent.LOCK_RELEASED).withOperator(OPERATOR));
        }
    }

    private static void writeStep(JournalWriter w, Step s, int pollTicks) {
        String cmd = s.longRunning() ? "bash -c 'start-job " + s.stepId() + "'" : "true";
        w.append(draft(s, JournalEvent.STEP_STARTED));
        w.append(draft(s, JournalEvent.APPROVAL_REQUESTED).withCmd(cmd).withNotes("{}"));
        w.append(draft(s, JournalEvent.APPROVED).withCmd(cmd).withNotes("sha256=" + "0".repeat(64) + "; " + NOTES));
        w.append(draft(s, JournalEvent.EXECUTED).withCmd(cmd).withExitCode(0).withTails("", ""));
        if (s.longRunning()) {
            String poll = "cat jobs/" + s.stepId() + ".state";
            for (int t = 0; t < pollTicks; t++) {
                w.append(draft(s, JournalEvent.POLL_TICK)
                        .withCmd(poll)
                        .withExitCode(0)
                        .withTails("Active\n", "")
                        .withPollState("Active"));
            }
            w.append(draft(s, JournalEvent.POLL_TERMINAL)
                    .withCmd(poll)
                    .withExitCode(0)
                    .withTails("Complete\n", "")
                    .withPollState("Complete"));
            cmd = poll;
        }
        w.append(draft(s, JournalEvent.VERIFY_PASSED)
                .withCmd(cmd)
                .withExitCode(0)
                .withTails("", ""));
        w.append(draft(s, JournalEvent.STEP_SUCCEEDED));
    }

    private static EntryDraft draft(Step s, JournalEvent event) {
        return EntryDraft.of(s.stepId(), s.phaseNumber(), event).withOperator(OPERATOR);
    }

    /** One second later on every reading: a run whose entries are a second apart. */
    private static final class SteppingClock extends Clock {
        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
