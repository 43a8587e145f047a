package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.GateQuestion;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.SecondConfirmations;
import dev.cutover.journal.StepResumeState;
import java.util.List;
import java.util.Optional;

/** Says in one line what a live run is doing or waiting for, from the last journal entry. */
final class WaitingFor {
    private WaitingFor() {}

    /**
     * The line for the last entry; {@code outcomes} supply each step's kind (irreversible, human, polled) and what
     * the journal says about it so far (e.g. whether its approval still awaits a confirmation).
     */
    static String describe(JournalEntry last, List<StepOutcome> outcomes) {
        List<ExecutionStep> steps = outcomes.stream().map(StepOutcome::step).toList();
        Optional<String> reverse = ReverseWaitingFor.describe(last, steps);
        if (reverse.isPresent()) {
            return reverse.get();
        }
        if (last.isRunLevel() || last.event().isLockEvent()) {
            return runLevel(last);
        }
        String step = last.stepId();
        Optional<StepOutcome> outcome =
                outcomes.stream().filter(o -> o.stepId().equals(step)).findFirst();
        Optional<ExecutionStep> plan = outcome.map(StepOutcome::step);
        return switch (last.event()) {
            case STEP_STARTED, PREVIEW_SHOWN -> "preparing " + step + " (runtime parameters, preview)";
            case SSO_PROBE_PASSED, SSO_PROBE_FAILED -> "probing identities before " + step;
            case APPROVAL_REQUESTED -> "waiting for the operator to approve " + step;
            case APPROVED -> afterApproved(last, outcome);
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
        Optional<GateQuestion> gate = GateQuestion.of(last);
        if (gate.isPresent()) {
            return "waiting for the operator to sign the go/no-go gate of "
                    + gate.get().where() + " for team " + gate.get().team();
        }
        return switch (last.event()) {
            case LOCK_ACQUIRED, LOCK_TAKEN_OVER_FROM_STALE -> "running pre-flight checks and go/no-go";
            case LOCK_RELEASED -> "finishing the run";
            default ->
                "running pre-flight or resume checks (last: " + last.event().wireName() + ")";
        };
    }

    private static String afterApproved(JournalEntry last, Optional<StepOutcome> outcome) {
        String step = last.stepId();
        String notes = last.notes() == null ? "" : last.notes();
        if (awaitsConfirmation(notes, outcome)) {
            return "waiting for the operator's second confirmation of " + step;
        }
        boolean firstApproval = !Approvals.isRetry(notes) && !SecondConfirmations.isConfirmation(notes);
        if (firstApproval && outcome.map(o -> o.step().human()).orElse(false)) {
            return "waiting for the operator to confirm " + step + " was done by hand";
        }
        return "running " + step;
    }

    /**
     * Whether the step's command still waits for a confirmation: the approval bound to it announced some
     * (irreversible, point of no return) and fewer have been given. A point of no return that is also irreversible
     * is confirmed twice, so the first confirmation given still leaves the crossing open; the replay counts them
     * exactly as a resume does ({@link SecondConfirmations}).
     */
    private static boolean awaitsConfirmation(String notes, Optional<StepOutcome> outcome) {
        return outcome.flatMap(StepOutcome::history)
                .map(h -> h.lastEvent() == JournalEvent.APPROVED
                        && h.state() == StepResumeState.RESTART_WITH_FRESH_APPROVAL)
                .orElse(SecondConfirmations.dueIn(notes) > 0);
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
