package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.StepHistory;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of the plan with its state derived from the journal.
 *
 * @param step the compiled step
 * @param state its state
 * @param history what the journal says about it; empty for steps without events
 */
public record StepOutcome(ExecutionStep step, StepState state, Optional<StepHistory> history) {
    public StepOutcome {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(history, "history");
    }

    public String stepId() {
        return step.stepId();
    }

    /** The reporting bucket (CP0..CP6, handoff, DP1..DP5). */
    public PhaseKey phase() {
        return PhaseKey.of(step);
    }
}
