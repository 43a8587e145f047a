package dev.cutover.engine;

import dev.cutover.compile.GateAnchors;
import dev.cutover.compile.Plan;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunConfig;
import dev.cutover.policy.AllowedPrograms;

/**
 * A run directory loaded and compiled for execution: the inputs, the configuration, the plan and the exact
 * bytes of execution-steps.json it compiles to.
 */
public record LoadedPlan(Inputs inputs, RunConfig config, AllowedPrograms allowed, Plan plan, byte[] stepsJson) {
    public LoadedPlan {
        stepsJson = stepsJson.clone();
    }

    @Override
    public byte[] stepsJson() {
        return stepsJson.clone();
    }

    /** The plan's go/no-go gates and the steps they are asked before. */
    public GateAnchors gates() {
        return GateAnchors.of(inputs, plan.steps());
    }
}
