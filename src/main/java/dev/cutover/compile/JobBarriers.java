package dev.cutover.compile;

import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the parallel walk waits for every job in flight before going on (issue 7): the control-plane to
 * data-plane handoff, the first step of a phase with a go/no-go gate (the gate decides on finished work), and the
 * point of no return (nobody crosses it with jobs still running). The walk and the window estimate both ask here,
 * so they cannot disagree.
 */
public final class JobBarriers {
    private final Set<String> gatedPhases;
    private final Optional<PointOfNoReturn> pointOfNoReturn;

    /** @param gatedPhases phases with a gate, keyed plane prefix + number ({@code cp6}, {@code dp4}) */
    public JobBarriers(Set<String> gatedPhases, List<ExecutionStep> steps) {
        this.gatedPhases = Set.copyOf(gatedPhases);
        this.pointOfNoReturn = PointOfNoReturn.of(steps);
    }

    /** The barriers of a compiled plan. */
    public static JobBarriers of(Inputs inputs, List<ExecutionStep> steps) {
        Set<String> gated = new TreeSet<>();
        for (Plane plane : Plane.values()) {
            inputs.checklist(plane).phases().stream()
                    .filter(phase -> phase.goNoGoGate() != null)
                    .forEach(phase -> gated.add(plane.prefix() + phase.number()));
        }
        return new JobBarriers(gated, steps);
    }

    /** Why every job must have ended before {@code step} runs, or empty when it need not wait for all. */
    public Optional<String> before(ExecutionStep step, boolean firstOfPhase) {
        if (step.handoff()) {
            return Optional.of("the handoff waits for every earlier step");
        }
        if (firstOfPhase && gatedPhases.contains(step.plane() + step.phaseNumber())) {
            return Optional.of("the go/no-go gate of phase " + step.phaseNumber() + " waits for every earlier step");
        }
        if (pointOfNoReturn.isPresent() && pointOfNoReturn.get().stepId().equals(step.stepId())) {
            return Optional.of("the point of no return (" + step.stepId() + ") waits for every earlier step");
        }
        return Optional.empty();
    }
}
