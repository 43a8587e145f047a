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
                prompt(controlPlane.handoffCriteria()),
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

    /** The operator prompt: every handoff criterion, then the IAM policy confirmation (§4.9). */
    private static String prompt(List<String> criteria) {
        StringBuilder notes = new StringBuilder("MANUAL: Hand off to the data plane. Confirm every criterion:");
        for (String criterion : criteria) {
            notes.append("\n- ").append(criterion);
        }
        return notes.append("\n- The data-plane IAM policy is attached alongside the control-plane policy.")
                .toString();
    }
}
