package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Plane;
import dev.cutover.testing.TestStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window estimate (issue 7): the sequential sum of time boxes against the parallel walk's critical path —
 * jobs overlap, requirements and barriers wait, and the bound on jobs in flight holds.
 */
class WindowEstimateTest {
    private static final JobBarriers NO_GATES = new JobBarriers(GateAnchors.NONE, List.of());

    @Test
    void threeJobsStartedTogetherTakeAsLongAsTheLongestInsteadOfTheSum() {
        // The upstream example's shape: 540, 300 and 60 minute jobs in one phase, then a 10 minute step.
        List<ExecutionStep> steps = List.of(
                job("dp-phase2-010-assets", 540),
                job("dp-phase2-020-logs", 300),
                job("dp-phase2-030-restore", 60),
                quick("dp-phase3-010-after", 10, "dp-phase2-010-assets"));

        WindowEstimate w = WindowEstimate.of(steps, NO_GATES, 4);

        assertThat(w.sequentialSeconds()).isEqualTo(minutes(910));
        assertThat(w.parallelSeconds()).isEqualTo(minutes(550));
    }

    @Test
    void oneJobInFlightAtATimeQueuesTheJobsButStillOverlapsOtherSteps() {
        List<ExecutionStep> steps = List.of(
                job("dp-phase2-010-a", 100), job("dp-phase2-020-b", 50), quick("dp-phase2-030-quick", 30, null));

        WindowEstimate w = WindowEstimate.of(steps, NO_GATES, 1);

        // b waits for a's slot (starts at 100, ends at 150); the quick step runs at 100 while b runs
        assertThat(w.parallelSeconds()).isEqualTo(minutes(150));
    }

    @Test
    void aBarrierWaitsForEveryJobBeforeItsStepStarts() {
        List<ExecutionStep> steps = List.of(
                job("dp-phase2-010-a", 100), quick("dp-phase3-010-gated", 10, null), quick("dp-phase3-020-x", 5, null));

        GateAnchors.Gate dp3 = new GateAnchors.Gate(
                "dp3", Plane.DP, 2, 3, "Pre-cutover", new GoNoGoGate(List.of(), List.of()), "dp-phase3-010-gated");
        WindowEstimate gated =
                WindowEstimate.of(steps, new JobBarriers(GateAnchors.anchored(List.of(dp3), steps), steps), 4);
        WindowEstimate free = WindowEstimate.of(steps, NO_GATES, 4);

        assertThat(gated.parallelSeconds()).isEqualTo(minutes(115));
        assertThat(free.parallelSeconds()).isEqualTo(minutes(100));
    }

    @Test
    void aPlanWithoutJobsTakesTheSumEitherWay() {
        List<ExecutionStep> steps =
                List.of(quick("cp-phase1-010-a", 5, null), quick("cp-phase1-020-b", 7, "cp-phase1-010-a"));

        WindowEstimate w = WindowEstimate.of(steps, NO_GATES, 4);

        assertThat(w.parallelSeconds()).isEqualTo(w.sequentialSeconds()).isEqualTo(minutes(12));
    }

    private static long minutes(long m) {
        return m * 60;
    }

    private static ExecutionStep job(String id, int minutes) {
        return TestStep.step(id).polled().takes(minutes).build();
    }

    private static ExecutionStep quick(String id, int minutes, String requires) {
        TestStep step = TestStep.step(id).takes(minutes);
        return (requires == null ? step : step.requires(requires)).build();
    }
}
