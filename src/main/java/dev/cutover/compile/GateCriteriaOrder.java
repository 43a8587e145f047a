package dev.cutover.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A go/no-go criterion checked by a step's verify ({@link GateCriterionLinks}) must name a step that runs before
 * the gate is asked, in the order the walk takes ({@link GateAnchors}). A step that runs at or after the gate has
 * not run when the gate is checked: its verify fails, the run halts with GATE BLOCKED, and the only way on would be
 * to do that step — possibly irreversible — by hand, outside the run. A compile error (exit 2), not a review
 * finding: such a gate can never be signed in order.
 */
final class GateCriteriaOrder {
    private final CompileErrors errors;

    GateCriteriaOrder(CompileErrors errors) {
        this.errors = errors;
    }

    /** Records an error per criterion linked to a step at or after its gate's anchor in {@code steps}. */
    void check(GateAnchors gates, List<ExecutionStep> steps) {
        Map<String, ExecutionStep> byId = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            byId.put(steps.get(i).stepId(), steps.get(i));
            position.put(steps.get(i).stepId(), i);
        }
        for (GateAnchors.Gate gate : gates.all()) {
            if (!gate.anchored()) {
                continue; // never asked: compile warns about the gate itself
            }
            int asked = position.get(gate.anchorStepId());
            List<String> criteria = gate.gate().criteria();
            for (int k = 0; k < criteria.size(); k++) {
                Optional<ExecutionStep> linked = GateCriterionLinks.linkedStep(criteria.get(k), byId);
                if (linked.isPresent() && position.get(linked.get().stepId()) >= asked) {
                    report(gate, k, linked.get().stepId());
                }
            }
        }
    }

    private void report(GateAnchors.Gate gate, int k, String named) {
        String anchor = gate.anchorStepId();
        String when = named.equals(anchor)
                ? "the step the gate is asked before"
                : "which runs after the gate is asked (before " + anchor + ")";
        errors.add(
                gate.plane().jsonFile(),
                "/phases/" + gate.phaseIndex() + "/go_no_go_gate/criteria/" + k,
                "the go/no-go gate of " + gate.where() + " has a criterion checked by the verify of " + named + ", "
                        + when + ": the check fails until that step has run, so the gate could only be signed if"
                        + " someone did the step by hand first",
                "name a step that runs before " + anchor + ", or move the gate to a phase after " + named);
    }
}
