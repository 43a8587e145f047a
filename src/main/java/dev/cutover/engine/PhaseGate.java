package dev.cutover.engine;

import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.List;

/**
 * One go/no-go gate of a checklist, with where it is: its plane, its phase and that phase's index in the file (for
 * JSON pointers).
 *
 * @param phaseIndex the phase's position in the checklist's {@code phases} array
 */
record PhaseGate(Plane plane, int phaseIndex, ChecklistPhase phase) {
    /** Every gate of both checklists, control plane first, each in checklist order. */
    static List<PhaseGate> all(Inputs inputs) {
        List<PhaseGate> gates = new ArrayList<>();
        for (Plane plane : Plane.values()) {
            List<ChecklistPhase> phases = inputs.checklist(plane).phases();
            for (int i = 0; i < phases.size(); i++) {
                if (phases.get(i).goNoGoGate() != null) {
                    gates.add(new PhaseGate(plane, i, phases.get(i)));
                }
            }
        }
        return gates;
    }

    GoNoGoGate gate() {
        return phase.goNoGoGate();
    }

    /** The key the walk and the journal's signatures use, e.g. {@code dp4}. */
    String key() {
        return GateKeys.of(plane.prefix(), phase.number());
    }

    /** Where people say the gate is, e.g. {@code data-plane phase 4}. */
    String where() {
        return plane.label() + " phase " + phase.number();
    }
}
