package dev.cutover.compile;

import dev.cutover.input.Inputs;
import java.util.List;
import java.util.Optional;

/**
 * Where the parallel walk waits for every job in flight before going on (issue 7): the control-plane to
 * data-plane handoff, a step a go/no-go gate is asked before ({@link GateAnchors}: the gate decides on finished
 * work), and the point of no return (nobody crosses it with jobs still running). The walk and the window estimate
 * both ask here, so they cannot disagree.
 */
public final class JobBarriers {
    private final GateAnchors gates;
    private final Optional<PointOfNoReturn> pointOfNoReturn;

    public JobBarriers(GateAnchors gates, List<ExecutionStep> steps) {
        this.gates = gates;
        this.pointOfNoReturn = PointOfNoReturn.of(steps);
    }

    /** The barriers of a compiled plan. */
    public static JobBarriers of(Inputs inputs, List<ExecutionStep> steps) {
        return new JobBarriers(GateAnchors.of(inputs, steps), steps);
    }

    /** Why every job must have ended before {@code step} runs in the plan as compiled, or empty. */
    public Optional<String> before(ExecutionStep step) {
        return before(step, gates.at(step.stepId()));
    }

    /**
     * Why every job must have ended before {@code step} runs, or empty when it need not wait for all.
     *
     * @param gatesDue the gates the walk is about to ask before {@code step} (those not signed yet)
     */
    public Optional<String> before(ExecutionStep step, List<GateAnchors.Gate> gatesDue) {
        if (step.handoff()) {
            return Optional.of("the handoff waits for every earlier step");
        }
        if (!gatesDue.isEmpty()) {
            return Optional.of("the go/no-go gate of " + gatesDue.get(0).where() + " waits for every earlier step");
        }
        if (pointOfNoReturn.isPresent() && pointOfNoReturn.get().stepId().equals(step.stepId())) {
            return Optional.of("the point of no return (" + step.stepId() + ") waits for every earlier step");
        }
        return Optional.empty();
    }

    /** The gates of the plan. */
    public GateAnchors gates() {
        return gates;
    }
}
