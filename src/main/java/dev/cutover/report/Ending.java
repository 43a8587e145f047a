package dev.cutover.report;

import java.util.Objects;

/**
 * How the engine says the run ended (verdict, and for a halt or abort its reason and step), or
 * {@link #interrupted()} when status or report read a run that never recorded an end.
 *
 * @param verdict the verdict
 * @param haltReason one line saying why the run stopped, or null
 * @param haltStepId the step it stopped at, or null
 */
public record Ending(Verdict verdict, String haltReason, String haltStepId) {
    public Ending {
        Objects.requireNonNull(verdict, "verdict");
    }

    public static Ending completed() {
        return new Ending(Verdict.COMPLETED, null, null);
    }

    public static Ending halted(String reason, String stepId) {
        return new Ending(Verdict.HALTED, reason, stepId);
    }

    public static Ending aborted(String reason, String stepId) {
        return new Ending(Verdict.ABORTED, reason, stepId);
    }

    public static Ending failed(String reason, String stepId) {
        return new Ending(Verdict.FAILED, reason, stepId);
    }

    /** A run read after a crash; the summary fills in where the journal stops. */
    public static Ending interrupted() {
        return new Ending(Verdict.INTERRUPTED, null, null);
    }
}
