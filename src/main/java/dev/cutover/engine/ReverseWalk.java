package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.RunState;
import dev.cutover.journal.StepResumeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reverse walk of {@code cutover rollback}: every step that succeeded in this run, latest first (the reverse
 * of the order the journal records their success, which respects {@code requires}), each through
 * {@link ReverseStep}. Steps that changed nothing (verify-only, manual decisions) have nothing to undo and are
 * passed over; every other step is rolled back or journaled as remaining. A session starts with a run-level
 * {@code approved} entry whose notes say so (docs/journal.md).
 */
final class ReverseWalk {
    private final EngineContext ctx;
    private final ReverseRollbacks done;
    private final RunState state;
    private String current;

    ReverseWalk(EngineContext ctx, ReverseRollbacks done, RunState state) {
        this.ctx = ctx;
        this.done = done;
        this.state = state;
    }

    RunEnding walk(List<ExecutionStep> steps) {
        Map<String, ExecutionStep> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.put(s.stepId(), s));
        List<ExecutionStep> unwind = new ArrayList<>();
        for (int i = done.succeededInOrder().size() - 1; i >= 0; i--) {
            ExecutionStep step = byId.get(done.succeededInOrder().get(i));
            if (step != null && step.mutating()) {
                unwind.add(step);
            }
        }
        introduce(steps, unwind);
        ctx.journal()
                .runLevel(
                        JournalEvent.APPROVED,
                        ReverseRollbacks.STARTED + ": " + unwind.size() + " step(s) to unwind, latest first");
        ctx.notifications().rollbackStarted(unwind.size());
        for (int i = 0; i < unwind.size(); i++) {
            ExecutionStep step = unwind.get(i);
            current = step.stepId();
            String position = (i + 1) + " of " + unwind.size();
            Optional<RunEnding> stop = new ReverseStep(ctx, step, done, state.step(step.stepId()), position).run();
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        ctx.out().println();
        ctx.out()
                .println("REVERSE ROLLBACK FINISHED: every step that succeeded was rolled back or left as it is"
                        + " (the report lists which).");
        return RunEnding.completed();
    }

    /** The step being rolled back, or null before the first. */
    String currentStepId() {
        return current;
    }

    private void introduce(List<ExecutionStep> steps, List<ExecutionStep> unwind) {
        ctx.out().println(ctx.prompts().header().line());
        ctx.out()
                .println("REVERSE ROLLBACK: " + unwind.size() + " step(s) that succeeded and changed something,"
                        + " unwound latest first, each with its own approval:");
        for (ExecutionStep s : unwind) {
            String how = s.rollbackCmd().isEmpty()
                    ? "no rollback command: remains"
                    : "rollback: "
                            + ReverseStep.valuesOf(
                                            state.step(s.stepId()),
                                            done.step(s.stepId()).flatMap(ReverseRollbacks.Step::lastApproval))
                                    .substitute(s.rollbackCmd());
            String mark =
                    s.irreversible() || ctx.prompts().noReturn().isThePoint(s) ? "  [confirm manual procedure]" : "";
            ctx.out().println("  " + s.stepId() + "  (" + how + ")" + mark + already(s));
        }
        List<String> inFlight = steps.stream()
                .map(ExecutionStep::stepId)
                .filter(id -> state.stateOf(id) == StepResumeState.IN_FLIGHT)
                .toList();
        if (!inFlight.isEmpty()) {
            ctx.out()
                    .println("  NOT ROLLED BACK, in flight when the run stopped (their effect is unknown; check by"
                            + " hand): " + String.join(", ", inFlight));
        }
        ctx.prompts()
                .noReturn()
                .point()
                .ifPresent(p -> ctx.out()
                        .println("  Point of no return: " + p.stepId() + " (" + p.reason() + "); the rollback stops"
                                + " there unless you confirm its manual procedure."));
    }

    private String already(ExecutionStep s) {
        return switch (done.stateOf(s.stepId())) {
            case UNDONE -> "  — rolled back earlier";
            case REMAINS -> "  — left in place earlier";
            case NOT_STARTED -> "";
            default -> "  — continues where it stopped";
        };
    }
}
