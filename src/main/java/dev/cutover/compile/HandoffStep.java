package dev.cutover.compile;

import dev.cutover.input.Checklist;
import dev.cutover.input.ChecklistPhase;
import java.util.List;

/**
 * The synthesized step between the planes (FORMATS.md §4.9): a human decision at the end of control-plane
 * phase 6 listing every handoff criterion and asking that the data-plane IAM policy be attached.
 */
final class HandoffStep {
    static final String ITEM_ID = "handoff_to_data_plane";
    private static final String PHASE_NAME = "Control Plane Validation";

    private HandoffStep() {}

    static ExecutionStep build(Checklist controlPlane) {
        String phaseName = controlPlane.phases().stream()
                .filter(p -> p.number() == 6)
                .map(ChecklistPhase::name)
                .findFirst()
                .orElse(PHASE_NAME);
        StringBuilder notes = new StringBuilder("MANUAL: Hand off to the data plane. Confirm every criterion:");
        for (String criterion : controlPlane.handoffCriteria()) {
            notes.append("\n- ").append(criterion);
        }
        notes.append("\n- The data-plane IAM policy is attached alongside the control-plane policy.");
        return new ExecutionStep(
                ExecutionStep.HANDOFF_STEP_ID,
                6,
                phaseName,
                ITEM_ID,
                "target:handoff:data-plane",
                "Migration::ManualStep",
                OperationType.MANUAL_DECISION,
                OperationType.HUMAN,
                CommandSelector.TRUE,
                CommandSelector.TRUE,
                "",
                "low",
                true,
                null,
                null,
                List.of(),
                false,
                null,
                null,
                List.of(),
                null,
                0,
                notes.toString(),
                "cp",
                "synthesized",
                null,
                "Hand off from the control plane to the data plane",
                null,
                false,
                List.of(),
                List.of(),
                Rollback.NONE,
                null);
    }
}
