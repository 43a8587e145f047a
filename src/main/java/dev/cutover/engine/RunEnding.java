package dev.cutover.engine;

import java.util.Objects;

/**
 * How the walk stopped.
 *
 * @param verdict the verdict
 * @param haltReason why, for the operator (null when completed)
 * @param haltStepId the step it stopped at (null when completed or run-level)
 * @param keepLock true when the lock file must stay for a later {@code --resume} (SSO halt)
 */
public record RunEnding(Verdict verdict, String haltReason, String haltStepId, boolean keepLock) {
    public RunEnding {
        Objects.requireNonNull(verdict, "verdict");
    }

    public static RunEnding completed() {
        return new RunEnding(Verdict.COMPLETED, null, null, false);
    }

    public static RunEnding halted(String reason, String stepId) {
        return new RunEnding(Verdict.HALTED, reason, stepId, false);
    }

    public static RunEnding aborted(String reason, String stepId) {
        return new RunEnding(Verdict.ABORTED, reason, stepId, false);
    }
}
