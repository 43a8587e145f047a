package dev.cutover.notify;

import java.util.Locale;

/** The events stakeholders are told about; the wire name is what bodies and the journal carry. */
public enum NotificationKind {
    /** The operator said go at go/no-go: the maintenance window starts (or resumes). */
    RUN_STARTED,
    /** An approver team signed a phase's go/no-go gate. */
    GATE_SIGNED,
    /** An approver team refused a phase's go/no-go gate; the run halts. */
    GATE_REFUSED,
    /**
     * The operator confirmed crossing the point of no return; its step's command runs next, and rolling back is now
     * impossible or much more expensive.
     */
    POINT_OF_NO_RETURN_CROSSED,
    /** A step failed; the operator is in the rollback dialog. */
    STEP_FAILED,
    /** A step's rollback ran (or was done by hand). */
    ROLLBACK_EXECUTED,
    /** The run ended: completed, halted or aborted. */
    RUN_ENDED;

    /** {@code run-started}, {@code gate-signed}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
