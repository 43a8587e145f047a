package dev.cutover.input;

import java.util.List;
import java.util.Objects;

/**
 * A parsed checklist of one plane. Handoff criteria exist only on the control plane, freeze windows only
 * on the data plane; the other plane has empty lists.
 */
public record Checklist(
        Plane plane,
        ChecklistMetadata metadata,
        List<ChecklistPhase> phases,
        List<String> handoffCriteria,
        List<FreezeWindow> freezeWindows) {
    public Checklist {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(metadata, "metadata");
        phases = List.copyOf(phases);
        handoffCriteria = handoffCriteria == null ? List.of() : List.copyOf(handoffCriteria);
        freezeWindows = freezeWindows == null ? List.of() : List.copyOf(freezeWindows);
    }
}
