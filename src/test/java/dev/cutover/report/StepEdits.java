package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;

/** Copies of a plan step with one planned fact changed, for report and runbook tests. */
final class StepEdits {
    private StepEdits() {}

    static ExecutionStep describedAs(ExecutionStep s, String description, String executeCmd) {
        return copy(
                s,
                description,
                executeCmd,
                s.rollbackCmd(),
                s.rollbackSource(),
                s.rollbackWindowMinutes(),
                s.estimatedSeconds());
    }

    static ExecutionStep withRollback(ExecutionStep s, int planPhase, String rollback) {
        return copy(
                s,
                s.description(),
                s.executeCmd(),
                rollback,
                "migration-plan.phases[number=" + planPhase + "].rollback.steps[0]",
                30,
                s.estimatedSeconds());
    }

    static ExecutionStep withTimeBox(ExecutionStep s, int seconds) {
        return copy(
                s,
                s.description(),
                s.executeCmd(),
                s.rollbackCmd(),
                s.rollbackSource(),
                s.rollbackWindowMinutes(),
                seconds);
    }

    private static ExecutionStep copy(
            ExecutionStep s,
            String description,
            String executeCmd,
            String rollback,
            String source,
            Integer window,
            int estimatedSeconds) {
        return new ExecutionStep(
                s.stepId(),
                s.phaseNumber(),
                s.phaseName(),
                s.checklistItemId(),
                s.resourceArn(),
                s.resourceType(),
                s.action(),
                s.tool(),
                executeCmd,
                s.verifyCmd(),
                rollback,
                s.risk(),
                s.approvalRequired(),
                s.previewCmd(),
                s.verifySuccessPattern(),
                s.requires(),
                s.longRunning(),
                s.pollCmd(),
                s.pollIntervalSeconds(),
                s.pollTerminalStates(),
                s.ownerTeam(),
                estimatedSeconds,
                s.notes(),
                s.plane(),
                s.sourceSection(),
                s.operationType(),
                description,
                s.datastoreArn(),
                s.irreversible(),
                s.runtimeParams(),
                s.pollSuccessStates(),
                source,
                window);
    }
}
