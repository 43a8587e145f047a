package dev.cutover.journal;

/**
 * What resume does with a step, from the last event that concerns it (FORMATS.md §6.7; SSO probe, lock
 * and run-level entries never count).
 */
public enum StepResumeState {
    /** No events: the step has not been reached. */
    PENDING,
    /**
     * Started, previewed, awaiting approval, or approved but still awaiting a second confirmation (the command
     * runs only after the last one): ask again with a fresh approval, no re-verify.
     */
    RESTART_WITH_FRESH_APPROVAL,
    /** Approved and possibly executed without an outcome: journal {@code resume-reverified} and verify. */
    IN_FLIGHT,
    /** Succeeded, or marked done by a resume re-verify. */
    DONE,
    /** Skipped by the operator (its dependents stay blocked). */
    SKIPPED,
    /** Failed, rolled back, aborted or re-prompted: ask retry / skip / abort. */
    NEEDS_DECISION;

    /**
     * The state a step is in when {@code event} is the last event that concerns it and, for {@code approved},
     * whether that approval still awaits a confirmation ({@link SecondConfirmations}): its command never started.
     */
    public static StepResumeState after(JournalEvent event, boolean awaitingConfirmation) {
        if (event == JournalEvent.APPROVED && awaitingConfirmation) {
            return RESTART_WITH_FRESH_APPROVAL;
        }
        return after(event);
    }

    /** The state a step is in when {@code event} is the last event that concerns it. */
    public static StepResumeState after(JournalEvent event) {
        return switch (event) {
            case STEP_STARTED, PREVIEW_SHOWN, APPROVAL_REQUESTED -> RESTART_WITH_FRESH_APPROVAL;
            case APPROVED, EXECUTED, POLL_TICK, POLL_TERMINAL, VERIFY_PASSED, VERIFY_FAILED, RESUME_REVERIFIED ->
                IN_FLIGHT;
            case STEP_SUCCEEDED, RESUME_MARKED_DONE -> DONE;
            case SKIPPED -> SKIPPED;
            case STEP_FAILED,
                    ROLLBACK_OFFERED,
                    ROLLBACK_APPROVED,
                    ROLLBACK_EXECUTED,
                    ROLLBACK_SKIPPED,
                    ABORTED,
                    RESUME_REPROMPTED -> NEEDS_DECISION;
            case LOCK_ACQUIRED, LOCK_TAKEN_OVER_FROM_STALE, LOCK_RELEASED, SSO_PROBE_PASSED, SSO_PROBE_FAILED ->
                throw new IllegalArgumentException(event + " never decides a step's resume state");
        };
    }
}
