package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the plan's point of no return is, as the walk needs it: whether a step is the point (its crossing is
 * confirmed separately) and the line every prompt from that step on shows, so nobody approves a step past the
 * point believing the phase can still be rolled back.
 */
final class NoReturnNotice {
    private final Optional<PointOfNoReturn> point;
    private final Set<String> beyond = new HashSet<>();

    /** @param steps the plan's steps in execution order */
    NoReturnNotice(List<ExecutionStep> steps) {
        this.point = PointOfNoReturn.of(steps);
        boolean crossed = false;
        for (ExecutionStep step : steps) {
            if (crossed) {
                beyond.add(step.stepId());
            }
            crossed |= point.isPresent() && point.get().stepId().equals(step.stepId());
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

    /** The line prompts about {@code step} carry: at the point, or beyond it; empty before it. */
    Optional<String> line(ExecutionStep step) {
        if (isThePoint(step)) {
            return Optional.of("POINT OF NO RETURN at this step: " + point.get().reason()
                    + ". Crossing it needs its own confirmation.");
        }
        if (beyond.contains(step.stepId())) {
            return Optional.of("BEYOND THE POINT OF NO RETURN (crossed at "
                    + point.get().stepId() + "): rolling back is impossible or much more expensive from here.");
        }
        return Optional.empty();
    }
}
