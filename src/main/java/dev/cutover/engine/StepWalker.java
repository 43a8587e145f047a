package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.StepResumeState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the steps in plan order, one at a time. A step whose {@code requires} are not all succeeded is blocked:
 * it gets no events and its own dependents stay blocked too (FORMATS.md §6.2). On resume, steps the journal
 * shows done count as succeeded, skipped ones stay skipped, and in-flight or failed ones are picked up by
 * {@link ResumedStep} (FORMATS.md §6.7).
 */
final class StepWalker {
    private final EngineContext ctx;
    private final PriorRun prior;
    private final GateSignOff gates;
    private String current;

    StepWalker(EngineContext ctx, PriorRun prior) {
        this.ctx = ctx;
        this.prior = prior;
        this.gates = new GateSignOff(ctx, prior.gateSignatures());
    }

    RunEnding walk(List<ExecutionStep> steps) {
        GateCriteria criteria = new GateCriteria(ctx, steps);
        Set<String> succeeded = new HashSet<>();
        List<String> unfinished = new ArrayList<>();
        String phase = null;
        for (ExecutionStep step : steps) {
            String stepPhase = step.plane() + step.phaseNumber() + (step.handoff() ? "h" : "");
            boolean firstOfPhase = !stepPhase.equals(phase);
            StepResumeState before = prior.classification(step.stepId());
            if (before == StepResumeState.DONE) {
                succeeded.add(step.stepId());
                phase = stepPhase;
                continue;
            }
            if (before == StepResumeState.SKIPPED) {
                ctx.out().println("SKIPPED " + step.stepId() + " (in an earlier run)");
                phase = stepPhase;
                continue;
            }
            List<String> missing =
                    step.requires().stream().filter(r -> !succeeded.contains(r)).toList();
            if (!missing.isEmpty()) {
                ctx.out().println("BLOCKED " + step.stepId() + ": requires " + String.join(", ", missing));
                unfinished.add(step.stepId());
                continue;
            }
            phase = stepPhase;
            current = step.stepId();
            if (firstOfPhase) {
                Optional<RunEnding> refused = gates.beforePhase(step, criteria);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            StepOutcome outcome = run(step, before);
            if (outcome instanceof StepOutcome.Stop stop) {
                return stop.ending();
            }
            if (outcome instanceof StepOutcome.Succeeded) {
                succeeded.add(step.stepId());
            } else if (outcome instanceof StepOutcome.FailedContinue) {
                unfinished.add(step.stepId());
            }
        }
        if (unfinished.isEmpty()) {
            return RunEnding.completed();
        }
        return RunEnding.halted(
                unfinished.size() + " step(s) failed or blocked: " + String.join(", ", unfinished), unfinished.get(0));
    }

    /** The step the walk is at (its gate, prompts or commands), or null before the first. */
    String currentStepId() {
        return current;
    }

    private StepOutcome run(ExecutionStep step, StepResumeState before) {
        var history = prior.history(step.stepId());
        boolean pickUp = before == StepResumeState.IN_FLIGHT
                || (before == StepResumeState.NEEDS_DECISION
                        && history.orElseThrow().approvedSinceLastStart());
        if (pickUp) {
            return new ResumedStep(ctx, step, history.orElseThrow()).run();
        }
        // Pending, stopped before approval, or aborted at its approval prompt: asked from the start.
        return new StepRun(ctx, step, prior.retriesOf(step.stepId())).run();
    }
}
