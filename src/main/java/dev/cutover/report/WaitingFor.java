package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.SecondConfirmations;
import java.util.List;
import java.util.Optional;

/** Says in one line what a live run is doing or waiting for, from the last journal entry. */
final class WaitingFor {
    private WaitingFor() {}

    /** The line for the last entry; {@code steps} supplies the step's kind (irreversible, human, polled). */
    static String describe(JournalEntry last, List<ExecutionStep> steps) {
        Optional<String> reverse = ReverseWaitingFor.describe(last, steps);
        if (reverse.isPresent()) {
            return reverse.get();
        }
        if (last.isRunLevel() || last.event().isLockEvent()) {
            return runLevel(last);
        }
        String step = last.stepId();
        Optional<ExecutionStep> plan =
                steps.stream().filter(s -> s.stepId().equals(step)).findFirst();
        return switch (last.event()) {
            case STEP_STARTED, PREVIEW_SHOWN -> "preparing " + step + " (runtime parameters, preview)";
            case SSO_PROBE_PASSED, SSO_PROBE_FAILED -> "probing identities before " + step;
            case APPROVAL_REQUESTED -> "waiting for the operator to approve " + step;
            case APPROVED -> afterApproved(last, plan);
            case EXECUTED -> afterExecuted(last, plan);
            case POLL_TICK -> "polling " + step + ": last state " + text(last.pollState());
            case POLL_TERMINAL -> "verifying " + step + " (poll ended in " + text(last.pollState()) + ")";
            case VERIFY_PASSED -> "finishing " + step;
            case VERIFY_FAILED -> "recording the failure of " + step;
            case STEP_FAILED, ROLLBACK_OFFERED ->
                "waiting for the operator to decide on the failure of " + step + " (retry, rollback, skip or abort)";
            case ROLLBACK_APPROVED -> "running the rollback of " + step;
            case ROLLBACK_EXECUTED -> "waiting for the operator to continue or stop after the rollback of " + step;
            case ROLLBACK_SKIPPED, ABORTED -> "stopping after " + step;
            case SKIPPED, STEP_SUCCEEDED, RESUME_MARKED_DONE -> "moving on after " + step;
            case RESUME_REVERIFIED -> "re-verifying " + step + " after a resume";
            case RESUME_REPROMPTED -> "waiting for the operator to retry, skip or abort " + step;
            case LOCK_ACQUIRED, LOCK_TAKEN_OVER_FROM_STALE, LOCK_RELEASED -> runLevel(last);
        };
    }

    private static String runLevel(JournalEntry last) {
        return switch (last.event()) {
            case LOCK_ACQUIRED, LOCK_TAKEN_OVER_FROM_STALE -> "running pre-flight checks and go/no-go";
            case LOCK_RELEASED -> "finishing the run";
            default ->
                "running pre-flight or resume checks (last: " + last.event().wireName() + ")";
        };
    }

    private static String afterApproved(JournalEntry last, Optional<ExecutionStep> plan) {
        String step = last.stepId();
        String notes = last.notes() == null ? "" : last.notes();
        if (SecondConfirmations.dueIn(notes) > 0) {
            // The approval announced confirmations (irreversible, point of no return); the command waits for them.
            return "waiting for the operator's second confirmation of " + step;
        }
        boolean firstApproval = !Approvals.isRetry(notes) && !SecondConfirmations.isConfirmation(notes);
        if (firstApproval && plan.map(ExecutionStep::human).orElse(false)) {
            return "waiting for the operator to confirm " + step + " was done by hand";
        }
        return "running " + step;
    }

    private static String afterExecuted(JournalEntry last, Optional<ExecutionStep> plan) {
        boolean ok = Integer.valueOf(0).equals(last.exitCode());
        if (ok && plan.map(ExecutionStep::longRunning).orElse(false)) {
            return "running " + last.stepId() + ": executed, polling next";
        }
        return "running " + last.stepId() + ": executed (exit " + last.exitCode() + "), "
                + (ok ? "verifying" : "handling the failure");
    }

    private static String text(String value) {
        return value == null ? "unknown" : MarkdownText.oneLine(value);
    }
}
