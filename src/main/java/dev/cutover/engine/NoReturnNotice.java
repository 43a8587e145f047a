package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.journal.StepHistory;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the plan's point of no return is, as the walk needs it: whether a step is the point (its crossing is
 * confirmed separately) and the line every prompt from that step on shows once the point was crossed, so nobody
 * approves a step past the point believing the phase can still be rolled back. The point is crossed when its step
 * was let run (its crossing confirmed, or the journal shows its command may have started), never because a later
 * step is asked: a point skipped or aborted at its confirmation, or never reached, was not crossed.
 */
final class NoReturnNotice {
    private final Optional<PointOfNoReturn> point;
    private final Set<String> beyond = new HashSet<>();
    // Set by the walk's thread; prompts of background jobs' failure dialogs may read it from theirs.
    private volatile boolean crossed;

    /** A fresh run: the point, if any, is not crossed yet. */
    NoReturnNotice(List<ExecutionStep> steps) {
        this(steps, PriorRun.none());
    }

    /**
     * @param steps the plan's steps in execution order
     * @param prior what the journal says earlier sessions did: the point is crossed already when its step may
     *     have run there
     */
    NoReturnNotice(List<ExecutionStep> steps, PriorRun prior) {
        this.point = PointOfNoReturn.of(steps);
        this.crossed = point.flatMap(p -> prior.history(p.stepId()))
                .map(StepHistory::mayHaveRun)
                .orElse(false);
        boolean afterThePoint = false;
        for (ExecutionStep step : steps) {
            if (afterThePoint) {
                beyond.add(step.stepId());
            }
            afterThePoint |= isThePoint(step);
        }
    }

    /** A plan without a point of no return: every step can be rolled back. */
    static NoReturnNotice none() {
        return new NoReturnNotice(List.of());
    }

    boolean isThePoint(ExecutionStep step) {
        return point.isPresent() && point.get().stepId().equals(step.stepId());
    }

    Optional<PointOfNoReturn> point() {
        return point;
    }

    /** The operator confirmed crossing the point: its command runs next. */
    void crossed() {
        crossed = true;
    }

    /**
     * The line prompts about {@code step} carry: at the point, or beyond it once it was crossed; empty before it and
     * while it is not crossed.
     */
    Optional<String> line(ExecutionStep step) {
        if (isThePoint(step)) {
            return Optional.of("POINT OF NO RETURN at this step: " + point.get().reason()
                    + ". Crossing it needs its own confirmation.");
        }
        if (crossed && beyond.contains(step.stepId())) {
            return Optional.of("BEYOND THE POINT OF NO RETURN (crossed at "
                    + point.get().stepId() + "): rolling back is impossible or much more expensive from here.");
        }
        return Optional.empty();
    }
}
