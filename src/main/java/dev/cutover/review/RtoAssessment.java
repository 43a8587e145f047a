package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each phase's rollback path timed against the recovery time objective. A phase's rollback path is the rollback
 * command of every step of the phase that has one, run latest first; undoing a step is estimated to take its time
 * box (what the checklist allows for doing it), and the path the sum. The RTO is {@code cutover.yaml}
 * {@code rto_minutes}, else the strictest {@code rto_target_minutes} of the datastores the phase's steps touch.
 *
 * @param configuredMinutes {@code cutover.yaml} {@code rto_minutes}, or null
 * @param anyTarget whether any datastore of the data-migration plan declares {@code rto_target_minutes}
 * @param phases every phase with at least one rollback command, in execution order
 */
public record RtoAssessment(Integer configuredMinutes, boolean anyTarget, List<PhaseRollback> phases) {
    public RtoAssessment {
        phases = List.copyOf(phases);
    }

    /** Whether any RTO is declared at all. */
    public boolean declared() {
        return configuredMinutes != null || anyTarget;
    }

    /**
     * One phase's rollback path.
     *
     * @param phase {@code CP0}..{@code CP6}, {@code DP1}..{@code DP5}
     * @param name the checklist's phase name
     * @param subject the phase in its checklist, {@code file#/phases/N}
     * @param estimateMinutes the sum of the steps' estimates
     * @param steps each rollback step and its estimate, in execution order
     * @param rtoMinutes the RTO this phase is held to, or null when none applies
     * @param rtoSource where that RTO is declared ({@code file#/pointer}), or null
     */
    public record PhaseRollback(
            String phase,
            String name,
            String subject,
            long estimateMinutes,
            List<StepEstimate> steps,
            Integer rtoMinutes,
            String rtoSource) {
        public PhaseRollback {
            steps = List.copyOf(steps);
        }

        /** Whether the estimate is over the RTO. */
        public boolean overRto() {
            return rtoMinutes != null && estimateMinutes > rtoMinutes;
        }

        /** Rollback steps without a time box, whose undo time is unknown (counted as 0). */
        public List<String> unestimated() {
            return steps.stream()
                    .filter(s -> !s.estimated())
                    .map(StepEstimate::stepId)
                    .toList();
        }
    }

    /**
     * One rollback step of a path.
     *
     * @param stepId the step whose rollback command runs
     * @param minutes its estimate: the step's time box in whole minutes, 0 when it has none
     * @param estimated false when the step has no time box
     */
    public record StepEstimate(String stepId, long minutes, boolean estimated) {}

    /** Times every phase's rollback path of {@code context}. */
    public static RtoAssessment of(ReviewContext context) {
        Integer configured = context.config().rtoMinutes().isPresent()
                ? context.config().rtoMinutes().getAsInt()
                : null;
        List<DataMigrationPlan.Datastore> stores =
                context.inputs().dataMigrationPlan().datastores();
        boolean anyTarget = stores.stream().anyMatch(d -> d.rtoTargetMinutes() != null);
        Map<String, List<ExecutionStep>> byPhase = new LinkedHashMap<>();
        for (ExecutionStep s : context.steps()) {
            byPhase.computeIfAbsent(ReviewContext.phaseLabel(s), p -> new ArrayList<>())
                    .add(s);
        }
        List<PhaseRollback> phases = new ArrayList<>();
        byPhase.forEach((label, steps) -> {
            List<StepEstimate> rollbacks = steps.stream()
                    .filter(s -> !s.rollbackCmd().isBlank())
                    .map(s -> new StepEstimate(s.stepId(), (s.estimatedSeconds() + 59) / 60, s.estimatedSeconds() > 0))
                    .toList();
            if (!rollbacks.isEmpty()) {
                phases.add(phase(context, label, steps, rollbacks, configured));
            }
        });
        return new RtoAssessment(configured, anyTarget, phases);
    }

    private static PhaseRollback phase(
            ReviewContext context,
            String label,
            List<ExecutionStep> steps,
            List<StepEstimate> rollbacks,
            Integer configured) {
        ExecutionStep first = steps.get(0);
        Integer rto = configured;
        String source = configured == null ? null : Subjects.RTO_MINUTES;
        if (rto == null) {
            List<DataMigrationPlan.Datastore> stores =
                    context.inputs().dataMigrationPlan().datastores();
            for (int i = 0; i < stores.size(); i++) {
                DataMigrationPlan.Datastore d = stores.get(i);
                boolean touched = steps.stream().anyMatch(s -> d.resourceArn().equals(s.datastoreArn()));
                if (touched && d.rtoTargetMinutes() != null && (rto == null || d.rtoTargetMinutes() < rto)) {
                    rto = d.rtoTargetMinutes();
                    source = Subjects.datastore(i) + "/rto_target_minutes";
                }
            }
        }
        long estimate = rollbacks.stream().mapToLong(StepEstimate::minutes).sum();
        return new PhaseRollback(label, first.phaseName(), subject(context, first), estimate, rollbacks, rto, source);
    }

    private static String subject(ReviewContext context, ExecutionStep step) {
        Plane plane = "dp".equals(step.plane()) ? Plane.DP : Plane.CP;
        ChecklistPhase phase = context.inputs().checklist(plane).phases().stream()
                .filter(p -> p.number() == step.phaseNumber())
                .findFirst()
                .orElse(null);
        return phase == null ? Objects.toString(step.stepId()) : Subjects.phase(context.inputs(), plane, phase);
    }
}
