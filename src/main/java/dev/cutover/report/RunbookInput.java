package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@code cutover runbook} documents, as the caller gathered it from the compiled plan and the run
 * directory's inputs (this package does not read input files). Only input data goes in, never a clock, so the
 * same inputs give the same document.
 *
 * @param context the run the runbook is for
 * @param steps the compiled steps in execution order
 * @param phases the checklist phases by bucket label (CP0..CP6, handoff, DP1..DP5) with their gates
 * @param rollbacks the migration plan's per-phase rollback, by plan phase number
 * @param freezes the data-plane checklist's write-freeze windows
 * @param contacts owner team to its contact, null when the inputs name none
 */
public record RunbookInput(
        Context context,
        List<ExecutionStep> steps,
        List<Phase> phases,
        List<PlanRollback> rollbacks,
        List<Freeze> freezes,
        Map<String, String> contacts) {
    public RunbookInput {
        Objects.requireNonNull(context, "context");
        steps = List.copyOf(steps);
        phases = List.copyOf(phases);
        rollbacks = List.copyOf(rollbacks);
        freezes = List.copyOf(freezes);
        // A TreeMap both sorts (stable output) and, unlike Map.copyOf, keeps teams whose contact is null.
        contacts = Collections.unmodifiableMap(new TreeMap<>(contacts));
    }

    /**
     * Who and what the cutover is for.
     *
     * @param runId the checklists' run id
     * @param environment the environment class ({@code cutover.yaml} {@code environment}, else production)
     * @param environmentConfigured whether {@code cutover.yaml} exists (else the environment is the default)
     * @param sourceAccountId the source AWS account
     * @param targetAccountId the target AWS account
     * @param capturedAt when the control-plane and data-plane checklists were captured, as the inputs say
     * @param stepsSha256 SHA-256 of the exact {@code execution-steps.json} bytes the runbook describes
     */
    public record Context(
            String runId,
            String environment,
            boolean environmentConfigured,
            String sourceAccountId,
            String targetAccountId,
            List<String> capturedAt,
            String stepsSha256) {
        public Context {
            capturedAt = List.copyOf(capturedAt);
        }
    }

    /**
     * One checklist phase.
     *
     * @param label the bucket label ({@link PhaseKey}), e.g. {@code DP4}
     * @param name the checklist's phase name
     * @param description the checklist's phase description, or null
     * @param gate the go/no-go gate (for the handoff bucket: the handoff criteria, no approver teams), or null
     */
    public record Phase(String label, String name, String description, Gate gate) {
        public Phase {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A go/no-go decision: what must hold, which teams sign, and where the run asks it.
     *
     * @param askedBefore the step the run asks the gate before (the first step of its phase, or for a phase without
     *     steps the next step of its plane, {@code compile/GateAnchors}); null for the handoff's criteria (asked at
     *     the handoff step itself) and for a gate no step follows, which is never asked
     */
    public record Gate(List<String> criteria, List<String> approvers, String askedBefore) {
        public Gate {
            criteria = List.copyOf(criteria);
            approvers = List.copyOf(approvers);
        }
    }

    /** One migration-plan phase's rollback (FORMATS.md §2): a description, ordered steps, the window. */
    public record PlanRollback(int number, String name, String description, List<String> steps, Integer windowMinutes) {
        public PlanRollback {
            steps = List.copyOf(steps);
        }
    }

    /** One write-freeze window of the data-plane checklist. */
    public record Freeze(
            String datastoreArn,
            int durationMinutes,
            String beginsAtStepId,
            String releaseStepId,
            String enforcementCommand) {}
}
