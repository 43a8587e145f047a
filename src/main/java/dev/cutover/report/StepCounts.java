package dev.cutover.report;

import java.util.Collection;

/**
 * Steps per state; in summaries and the per-phase table {@link #pendingWithInFlight()} stands for pending,
 * so the five reported columns always add up to the total.
 */
public record StepCounts(int succeeded, int skipped, int failed, int inFlight, int blocked, int pending) {

    /** Counts the states of the given outcomes. */
    public static StepCounts of(Collection<StepOutcome> outcomes) {
        int[] n = new int[StepState.values().length];
        outcomes.forEach(o -> n[o.state().ordinal()]++);
        return new StepCounts(
                n[StepState.SUCCEEDED.ordinal()],
                n[StepState.SKIPPED.ordinal()],
                n[StepState.FAILED.ordinal()],
                n[StepState.IN_FLIGHT.ordinal()],
                n[StepState.BLOCKED.ordinal()],
                n[StepState.PENDING.ordinal()]);
    }

    public int total() {
        return succeeded + skipped + failed + inFlight + blocked + pending;
    }

    /** Whether every step ended as succeeded or skipped: all a completed run may hold. */
    public boolean allSucceededOrSkipped() {
        return succeeded + skipped == total();
    }

    /** Steps without an outcome yet: not reached, or reached but unfinished when the run stopped. */
    public int pendingWithInFlight() {
        return pending + inFlight;
    }

    /** The sum of two counts. */
    public StepCounts plus(StepCounts o) {
        return new StepCounts(
                succeeded + o.succeeded,
                skipped + o.skipped,
                failed + o.failed,
                inFlight + o.inFlight,
                blocked + o.blocked,
                pending + o.pending);
    }
}
