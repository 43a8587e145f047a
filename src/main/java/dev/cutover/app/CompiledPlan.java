package dev.cutover.app;

import dev.cutover.compile.Plan;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunConfig;
import java.util.Arrays;

/**
 * A run directory compiled in memory: its inputs, configuration, plan and the exact bytes of
 * {@code execution-steps.json} that plan serialises to.
 */
public record CompiledPlan(Inputs inputs, RunConfig config, Plan plan, byte[] stepsJson) {
    public CompiledPlan {
        stepsJson = stepsJson.clone();
    }

    @Override
    public byte[] stepsJson() {
        return stepsJson.clone();
    }

    /** What a rehearsal of this plan must match (docs/rehearsal.md). */
    public PlanIdentity identity() {
        return PlanIdentity.of(plan, inputs.controlPlane().metadata());
    }

    /** Whether {@code bytes} are exactly what this compile produces. */
    public boolean matches(byte[] bytes) {
        return Arrays.equals(stepsJson, bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledPlan other
                && inputs.equals(other.inputs)
                && config.equals(other.config)
                && plan.equals(other.plan)
                && Arrays.equals(stepsJson, other.stepsJson);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stepsJson);
    }

    @Override
    public String toString() {
        return "CompiledPlan[" + plan.steps().size() + " steps]";
    }
}
