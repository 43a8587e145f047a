package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;

/** Keys go/no-go gates by plane and phase ({@code cp6}, {@code dp4}), as the walk looks them up. */
final class GateKeys {
    private GateKeys() {}

    static String of(String plane, int phase) {
        return plane + phase;
    }

    /** Every phase gate of both checklists, by key, as the walk and pre-flight look them up. */
    static java.util.Map<String, dev.cutover.input.GoNoGoGate> of(dev.cutover.input.Inputs in) {
        java.util.Map<String, dev.cutover.input.GoNoGoGate> gates = new java.util.TreeMap<>();
        for (dev.cutover.input.Plane p : dev.cutover.input.Plane.values()) {
            in.checklist(p).phases().stream()
                    .filter(ph -> ph.goNoGoGate() != null)
                    .forEach(ph -> gates.put(of(p.prefix(), ph.number()), ph.goNoGoGate()));
        }
        return gates;
    }

    /** The gate key of the step's phase; the handoff belongs to no gate. */
    static String firstStepGate(ExecutionStep step) {
        return step.handoff() ? "" : of(step.plane(), step.phaseNumber());
    }
}
