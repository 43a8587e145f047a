package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1-based position of each step in execution order, looked up by step id. The runbook numbers every step
 * ("Step 7 of 38") and compares positions with the point of no return's: searching the list for each step
 * ({@code List.indexOf}, which compares whole records) made a runbook of n steps cost n² comparisons, most of
 * its time on plans of thousands of steps (docs/performance.md, benchmark {@code compile}, its runbook figures).
 */
final class StepPositions {
    private final Map<String, Integer> byStepId;

    StepPositions(List<ExecutionStep> steps) {
        byStepId = new HashMap<>(steps.size() * 2);
        for (int i = 0; i < steps.size(); i++) {
            // The compiler rejects duplicate step ids; should a hand-built list repeat one, the first counts,
            // as it did with indexOf.
            byStepId.putIfAbsent(steps.get(i).stepId(), i + 1);
        }
    }

    /** 1-based position of {@code step} in execution order; 0 for a step that is not in the plan. */
    int of(ExecutionStep step) {
        return byStepId.getOrDefault(step.stepId(), 0);
    }
}
