package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        PhaseGate.all(in).forEach(g -> gates.put(g.key(), g.gate()));
        return gates;
    }

    /** The gate key of the step's phase; the handoff belongs to no gate. */
    static String firstStepGate(ExecutionStep step) {
        return step.handoff() ? "" : of(step.plane(), step.phaseNumber());
    }

    /**
     * The ids of the steps each gate of {@code gates} is signed at: the first step of the gated phase in plan order,
     * where the walk asks it and where the pipeline approvals file writes its rule.
     */
    static Set<String> signedAt(List<ExecutionStep> steps, Map<String, GoNoGoGate> gates) {
        Set<String> keys = new HashSet<>();
        Set<String> stepIds = new LinkedHashSet<>();
        for (ExecutionStep step : steps) {
            String key = firstStepGate(step);
            if (gates.containsKey(key) && keys.add(key)) {
                stepIds.add(step.stepId());
            }
        }
        return stepIds;
    }
}
