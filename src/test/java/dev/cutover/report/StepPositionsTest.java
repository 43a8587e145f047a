package dev.cutover.report;

import static dev.cutover.testing.TestStep.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.ExecutionStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StepPositions numbers steps as the list's own indexOf + 1 did. */
class StepPositionsTest {
    @Test
    void everyStepOfThePlanHasItsOneBasedPositionInExecutionOrder() {
        StepPositions positions = new StepPositions(Scenario.PLAN);

        for (int i = 0; i < Scenario.PLAN.size(); i++) {
            ExecutionStep s = Scenario.PLAN.get(i);
            assertThat(positions.of(s)).as(s.stepId()).isEqualTo(i + 1);
        }
    }

    @Test
    void anEqualCopyOfAStepHasTheOriginalsPosition() {
        StepPositions positions = new StepPositions(Scenario.PLAN);
        ExecutionStep copy =
                StepEdits.withTimeBox(Scenario.PLAN.get(3), Scenario.PLAN.get(3).estimatedSeconds());

        assertThat(positions.of(copy)).isEqualTo(4);
    }

    @Test
    void aStepThatIsNotInThePlanIsAtPositionZero() {
        StepPositions positions = new StepPositions(Scenario.PLAN);

        assertThat(positions.of(step("dp-phase3-010-elsewhere").build())).isZero();
        assertThat(new StepPositions(List.of()).of(Scenario.PLAN.get(0))).isZero();
    }

    @Test
    void aRepeatedStepIdKeepsItsFirstPosition() {
        ExecutionStep first = step(Scenario.VPC).build();
        ExecutionStep other = step(Scenario.SUBNETS).build();
        StepPositions positions = new StepPositions(List.of(other, first, first));

        assertThat(positions.of(first)).isEqualTo(2);
    }
}
