package dev.cutover.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pure, single-pass fold of journal entries into {@link RunState}; O(entries) time, O(steps) memory. */
public final class RunStateReplayer {

    /**
     * Replays entries in journal order: a list, or entries handed on one at a time as they are read and checked
     * ({@link JournalReader#replay}), so that no entry need be kept.
     */
    public RunState replay(Iterable<JournalEntry> entries) {
        Map<String, StepFold> folds = new LinkedHashMap<>();
        List<JournalEntry> lockEvents = new ArrayList<>();
        List<JournalEntry> runLevel = new ArrayList<>();
        Instant lastSsoPassed = null;
        long count = 0;
        JournalEntry last = null;
        for (JournalEntry entry : entries) {
            count++;
            last = entry;
            JournalEvent event = entry.event();
            if (event == JournalEvent.SSO_PROBE_PASSED) {
                lastSsoPassed = entry.at();
            }
            if (event.isLockEvent()) {
                lockEvents.add(entry);
            } else if (entry.isRunLevel()) {
                runLevel.add(entry);
            } else if (!event.isSsoProbe()) {
                fold(folds, entry).accept(entry);
            }
        }
        RunFacts facts = new RunFacts(
                count,
                Optional.ofNullable(last).map(JournalEntry::at),
                lockEvents,
                runLevel,
                Optional.ofNullable(lastSsoPassed),
                last != null && last.event() == JournalEvent.LOCK_RELEASED);
        Map<String, StepHistory> steps = new LinkedHashMap<>();
        folds.forEach((id, fold) -> steps.put(id, fold.toHistory()));
        return new RunState(steps, facts);
    }

    // get-then-put instead of computeIfAbsent: no capturing lambda allocated per entry on the hot path.
    private static StepFold fold(Map<String, StepFold> folds, JournalEntry entry) {
        StepFold fold = folds.get(entry.stepId());
        if (fold == null) {
            fold = new StepFold(entry.stepId(), entry.phaseNumber());
            folds.put(entry.stepId(), fold);
        }
        return fold;
    }

    /** Mutable per-step accumulator, local to one replay. */
    private static final class StepFold {
        private final String stepId;
        private final int phaseNumber;
        private JournalEvent lastEvent;
        private Instant lastEventAt;
        private Instant firstStartedAt;
        private Instant lastStartedAt;
        private Instant firstSuccessfulExecuteAt;
        private Instant lastSuccessfulExecuteAt;
        private Integer lastExecuteExitCode;
        private int approvals;
        private int retries;
        private Map<String, String> captured; // allocated only for steps that capture something
        private String lastPollState;
        private String jobPollState;
        private String lastApprovalNotes;
        private boolean approvedSinceLastStart;
        private int confirmationsOutstanding; // announced by the approval bound to the command, not yet given
        private JournalEntry lastBoundApproval;
        private Instant unsettledRollbackAt; // the failure dialog's rollback approved, no outcome or decision since
        private boolean mayHaveRun; // the command was let run at least once (StepHistory#mayHaveRun)

        StepFold(String stepId, int phaseNumber) {
            this.stepId = stepId;
            this.phaseNumber = phaseNumber;
        }

        void accept(JournalEntry entry) {
            if (entry.event().isRollback()
                    && (lastEvent == JournalEvent.STEP_SUCCEEDED || lastEvent == JournalEvent.RESUME_MARKED_DONE)) {
                // cutover rollback unwinding a step that succeeded: the run's record of the step stays "done";
                // ReverseRollbacks folds what the rollback did (docs/journal.md).
                return;
            }
            lastEvent = entry.event();
            lastEventAt = entry.at();
            if (entry.event() == JournalEvent.ROLLBACK_APPROVED) {
                unsettledRollbackAt = entry.at();
            } else if (entry.event() != JournalEvent.RESUME_REPROMPTED) {
                unsettledRollbackAt = null; // its outcome, or the operator's decision on the step
            }
            if (entry.pollState() != null) {
                lastPollState = entry.pollState();
                jobPollState = entry.pollState();
            }
            switch (entry.event()) {
                case STEP_STARTED -> {
                    firstStartedAt = firstStartedAt == null ? entry.at() : firstStartedAt;
                    lastStartedAt = entry.at();
                    approvedSinceLastStart = false;
                    confirmationsOutstanding = 0;
                }
                case APPROVAL_REQUESTED -> lastApprovalNotes = entry.notes();
                case APPROVED -> {
                    approvals++;
                    approvedSinceLastStart = true;
                    if (isRetry(entry.notes())) {
                        retries++;
                    }
                    acceptConfirmations(entry.notes());
                    mayHaveRun |= confirmationsOutstanding == 0;
                    if (StepHistory.bindsCommand(entry)) {
                        lastBoundApproval = entry;
                    }
                }
                case EXECUTED -> {
                    mayHaveRun = true;
                    acceptExecuted(entry);
                }
                case STEP_SUCCEEDED, RESUME_MARKED_DONE -> mayHaveRun = true;
                default -> {
                    // other events only move the classification
                }
            }
        }

        /**
         * The approval bound to the command announces the confirmations that follow it; each one given counts
         * down; any other approval (a retry) runs the command without one.
         */
        private void acceptConfirmations(String notes) {
            int due = SecondConfirmations.dueIn(notes);
            if (due > 0) {
                confirmationsOutstanding = due;
            } else if (SecondConfirmations.isConfirmation(notes)) {
                confirmationsOutstanding = Math.max(0, confirmationsOutstanding - 1);
            } else {
                confirmationsOutstanding = 0;
            }
        }

        private void acceptExecuted(JournalEntry entry) {
            lastExecuteExitCode = entry.exitCode();
            if (Integer.valueOf(0).equals(entry.exitCode())) {
                firstSuccessfulExecuteAt = firstSuccessfulExecuteAt == null ? entry.at() : firstSuccessfulExecuteAt;
                lastSuccessfulExecuteAt = entry.at();
                jobPollState = null; // a new job (a retry's) has not been polled yet
            }
            if (entry.notes() != null && entry.notes().contains(CapturedValues.MARKER)) {
                Map<String, String> values = CapturedValues.parse(entry.notes());
                if (!values.isEmpty()) {
                    captured = captured == null ? new LinkedHashMap<>() : captured;
                    captured.putAll(values);
                }
            }
        }

        /** A retry's notes start with {@code retry} or hold {@code resume retry}; answer notes may follow. */
        private static boolean isRetry(String notes) {
            if (notes == null) {
                return false;
            }
            for (String part : notes.split(";")) {
                String p = part.strip();
                if (p.equals("retry") || p.equals("resume retry")) {
                    return true;
                }
            }
            return false;
        }

        StepHistory toHistory() {
            return new StepHistory(
                    stepId,
                    phaseNumber,
                    StepResumeState.after(lastEvent, confirmationsOutstanding > 0),
                    lastEvent,
                    lastEventAt,
                    Optional.ofNullable(firstStartedAt),
                    Optional.ofNullable(lastStartedAt),
                    Optional.ofNullable(firstSuccessfulExecuteAt),
                    Optional.ofNullable(lastSuccessfulExecuteAt),
                    Optional.ofNullable(lastExecuteExitCode),
                    approvals,
                    retries,
                    captured == null ? Map.of() : captured,
                    Optional.ofNullable(lastPollState),
                    Optional.ofNullable(jobPollState),
                    Optional.ofNullable(lastApprovalNotes),
                    approvedSinceLastStart,
                    Optional.ofNullable(lastBoundApproval),
                    Optional.ofNullable(unsettledRollbackAt),
                    mayHaveRun);
        }
    }
}
