package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.Map;
import java.util.TreeMap;

/** Keys go/no-go gates by plane and phase ({@code cp6}, {@code dp4}), as the walk looks them up. */
final class GateKeys {
    private GateKeys() {}

    static String of(String plane, int phase) {
        return plane + phase;
    }

    /** Every phase gate of both checklists, by key, as the walk and pre-flight look them up. */
    static Map<String, GoNoGoGate> of(Inputs in) {
        Map<String, GoNoGoGate> gates = new TreeMap<>();
        for (Plane p : Plane.values()) {
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
