package dev.cutover.compile;

import java.util.List;
import java.util.Optional;

/**
 * The compiler's result: steps in execution order plus the warnings that go to go/no-go and the report.
 * Warnings are not written to {@code execution-steps.json}; they are recomputed on every compile.
 */
public record Plan(List<ExecutionStep> steps, List<CompileWarning> warnings) {
    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public Optional<ExecutionStep> step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
    }
}
