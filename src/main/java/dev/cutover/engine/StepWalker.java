package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.JobBarriers;
import dev.cutover.journal.StepResumeState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the steps in plan order, asking one at a time. A step whose {@code requires} are not all succeeded is
 * blocked: it gets no events and its own dependents stay blocked too (FORMATS.md §6.2). On resume, steps the
 * journal shows done count as succeeded, skipped ones stay skipped, and in-flight or failed ones are picked up
 * by {@link ResumedStep} (FORMATS.md §6.7).
 *
 * <p>Unless the walk is sequential, a long-running step's job, once approved and started, is polled in the
 * background ({@link BackgroundJobs}) while the walk asks the next steps; a step that requires a running job
 * waits for it, and a gate, the handoff and the point of no return wait for every job (issue 7).
 */
final class StepWalker {
    private final EngineContext ctx;
    private final PriorRun prior;
    private final GateSignOff gates;
    private final Set<String> succeeded = new HashSet<>();
    private final List<String> unfinished = new ArrayList<>();
    private String current;

    StepWalker(EngineContext ctx, PriorRun prior) {
        this.ctx = ctx;
        this.prior = prior;
        this.gates = new GateSignOff(ctx, prior.gateSignatures());
    }

    RunEnding walk(List<ExecutionStep> steps) {
        int maxJobs = ctx.settings().maxParallelJobs();
        BackgroundJobs jobs =
                maxJobs == EngineSettings.SEQUENTIAL ? null : new BackgroundJobs(ctx, maxJobs, this::record);
        try {
            return walk(steps, jobs);
        } finally {
            // Also when an exception ends the walk: the operator must know what still runs.
            if (jobs != null) {
                jobs.warnIfAbandoned();
            }
        }
    }

    private RunEnding walk(List<ExecutionStep> steps, BackgroundJobs jobs) {
        GateCriteria criteria = new GateCriteria(ctx, steps);
        JobBarriers barriers = new JobBarriers(ctx.settings().gates(), steps);
        for (ExecutionStep step : steps) {
            StepResumeState before = prior.classification(step.stepId());
            if (before == StepResumeState.DONE) {
                succeeded.add(step.stepId());
                continue;
            }
            if (before == StepResumeState.SKIPPED) {
                ctx.out().println("SKIPPED " + step.stepId() + " (in an earlier run)");
                continue;
            }
            Optional<RunEnding> waited = jobs == null ? Optional.empty() : waitBefore(jobs, barriers, step);
            if (waited.isPresent()) {
                return waited.get();
            }
            List<String> missing =
                    step.requires().stream().filter(r -> !succeeded.contains(r)).toList();
            if (!missing.isEmpty()) {
                ctx.out().println("BLOCKED " + step.stepId() + ": requires " + String.join(", ", missing));
                unfinished.add(step.stepId());
                continue;
            }
            current = step.stepId();
            Optional<RunEnding> refused = gates.before(step, criteria);
            if (refused.isPresent()) {
                return refused.get();
            }
            StepOutcome outcome = run(step, before, jobs != null);
            Optional<RunEnding> stop =
                    outcome instanceof StepOutcome.Started started ? start(jobs, started.job()) : record(step, outcome);
            if (stop.isEmpty() && jobs != null) {
                stop = jobs.pollDue();
            }
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        Optional<RunEnding> last = jobs == null ? Optional.empty() : jobs.awaitAll("the end of the plan");
        if (last.isPresent()) {
            return last.get();
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

    /**
     * The parallel walk's waits before {@code step}: for every job at a barrier (a gate still to be signed before
     * it, the handoff, the point of no return), for the jobs it requires, and for a free slot if it starts a job
     * itself.
     */
    private Optional<RunEnding> waitBefore(BackgroundJobs jobs, JobBarriers barriers, ExecutionStep step) {
        Optional<String> barrier = barriers.before(step, gates.due(step));
        if (barrier.isPresent()) {
            return jobs.awaitAll(barrier.get());
        }
        Optional<RunEnding> required = jobs.awaitSteps(step.requires(), step.stepId() + " requires it");
        if (required.isPresent() || !step.longRunning()) {
            return required;
        }
        return jobs.awaitSlot(step.stepId() + " starts another job");
    }

    private Optional<RunEnding> start(BackgroundJobs jobs, BackgroundJob job) {
        jobs.add(job);
        return Optional.empty();
    }

    /** Records a step's outcome (also a background job's, when it settles); a stop ends the walk. */
    private Optional<RunEnding> record(ExecutionStep step, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Stop stop) {
            return Optional.of(stop.ending());
        }
        if (outcome instanceof StepOutcome.Succeeded) {
            succeeded.add(step.stepId());
        } else if (outcome instanceof StepOutcome.FailedContinue) {
            unfinished.add(step.stepId());
        }
        return Optional.empty();
    }

    private StepOutcome run(ExecutionStep step, StepResumeState before, boolean background) {
        var history = prior.history(step.stepId());
        boolean pickUp = before == StepResumeState.IN_FLIGHT
                || (before == StepResumeState.NEEDS_DECISION
                        && history.orElseThrow().approvedSinceLastStart());
        if (pickUp) {
            return new ResumedStep(ctx, step, history.orElseThrow(), background).run();
        }
        // Pending, stopped before approval, or aborted at its approval prompt: asked from the start.
        return new StepRun(ctx, step, prior.retriesOf(step.stepId())).run(background);
    }
}
