package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the steps in plan order, one at a time. A step whose {@code requires} are not all succeeded is blocked:
 * it gets no events and its own dependents stay blocked too (FORMATS.md §6.2).
 */
final class StepWalker {
    private final EngineContext ctx;

    StepWalker(EngineContext ctx) {
        this.ctx = ctx;
    }

    RunEnding walk(List<ExecutionStep> steps) {
        Set<String> succeeded = new HashSet<>();
        List<String> unfinished = new ArrayList<>();
        String phase = null;
        for (ExecutionStep step : steps) {
            List<String> missing =
                    step.requires().stream().filter(r -> !succeeded.contains(r)).toList();
            if (!missing.isEmpty()) {
                ctx.out().println("BLOCKED " + step.stepId() + ": requires " + String.join(", ", missing));
                unfinished.add(step.stepId());
                continue;
            }
            String stepPhase = step.plane() + step.phaseNumber() + (step.handoff() ? "h" : "");
            boolean firstOfPhase = !stepPhase.equals(phase);
            phase = stepPhase;
            StepOutcome outcome = new StepRun(ctx, step, firstOfPhase).run();
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
}
