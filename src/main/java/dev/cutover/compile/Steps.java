package dev.cutover.compile;

import java.util.List;

/** Copies of an {@link ExecutionStep} with one component changed (records have no withers). */
final class Steps {
    private Steps() {}

    static ExecutionStep withRequires(ExecutionStep s, List<String> requires) {
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
                s.notes(),
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
