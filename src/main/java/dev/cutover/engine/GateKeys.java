package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;

/** Keys go/no-go gates by plane and phase ({@code cp6}, {@code dp4}), as the walk looks them up. */
final class GateKeys {
    private GateKeys() {}

    static String of(String plane, int phase) {
        return plane + phase;
    }

    /** The gate key of the step's phase; the handoff belongs to no gate. */
    static String firstStepGate(ExecutionStep step) {
        return step.handoff() ? "" : of(step.plane(), step.phaseNumber());
    }
}
