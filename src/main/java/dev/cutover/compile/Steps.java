package dev.cutover.compile;

import java.util.ArrayList;
import java.util.List;

/** Copies of an {@link ExecutionStep} with the parts only the whole plan knows (records have no withers). */
final class Steps {
    private Steps() {}

    /** The step with its requires and with extra lines appended to its notes. */
    static ExecutionStep withRequires(ExecutionStep s, List<String> requires, List<String> extraNotes) {
        List<String> lines = new ArrayList<>();
        if (s.notes() != null) {
            lines.add(s.notes());
        }
        lines.addAll(extraNotes);
        String notes = lines.isEmpty() ? null : String.join("\n", lines);
        return new ExecutionStep(
                s.stepId(),
                s.phaseNumber(),
                s.phaseName(),
                s.checklistItemId(),
                s.resourceArn(),
                s.resourceType(),
                s.action(),
                s.tool(),
                s.executeCmd(),
                s.verifyCmd(),
                s.rollbackCmd(),
                s.risk(),
                s.approvalRequired(),
                s.previewCmd(),
                s.verifySuccessPattern(),
                requires,
                s.longRunning(),
                s.pollCmd(),
                s.pollIntervalSeconds(),
                s.pollTerminalStates(),
                s.ownerTeam(),
                s.estimatedSeconds(),
                notes,
                s.plane(),
                s.sourceSection(),
                s.operationType(),
                s.description(),
                s.datastoreArn(),
                s.irreversible(),
                s.runtimeParams(),
                s.pollSuccessStates(),
                s.rollbackSource(),
                s.rollbackWindowMinutes());
    }
}
