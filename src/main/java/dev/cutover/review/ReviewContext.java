package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.Plan;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunConfig;
import dev.cutover.rehearsal.RehearsalGate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every check looks at: the run directory's inputs, its {@code cutover.yaml}, the plan they compile to and
 * what the run directory's rehearsal evidence proves about that plan (read by the caller: checks stay pure).
 *
 * @param inputs the loaded, schema-valid inputs
 * @param config the run's configuration ({@code cutover.yaml}, else defaults)
 * @param steps the compiled steps in execution order
 * @param rehearsal what the production gate would decide on the run directory's evidence for this plan
 */
public record ReviewContext(
        Inputs inputs, RunConfig config, List<ExecutionStep> steps, RehearsalGate.Decision rehearsal) {
    public ReviewContext {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(config, "config");
        steps = List.copyOf(steps);
        Objects.requireNonNull(rehearsal, "rehearsal");
    }

    /** The context of a compiled plan and the gate's decision on its evidence. */
    public static ReviewContext of(Inputs inputs, RunConfig config, Plan plan, RehearsalGate.Decision rehearsal) {
        return new ReviewContext(inputs, config, plan.steps(), rehearsal);
    }

    /** The plan's point of no return, derived as {@code cutover plan} shows it. */
    public Optional<PointOfNoReturn> pointOfNoReturn() {
        return PointOfNoReturn.of(steps);
    }

    /** The step with {@code id}, if the plan has one. */
    public Optional<ExecutionStep> step(String id) {
        return steps.stream().filter(s -> s.stepId().equals(id)).findFirst();
    }

    /** Position of each step id in execution order (0-based). */
    public Map<String, Integer> positions() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            out.put(steps.get(i).stepId(), i);
        }
        return out;
    }

    /** The phase a step belongs to as people name it: {@code CP0}..{@code CP6}, {@code DP1}..{@code DP5}. */
    static String phaseLabel(ExecutionStep step) {
        return step.plane().toUpperCase(Locale.ROOT) + step.phaseNumber();
    }
}
