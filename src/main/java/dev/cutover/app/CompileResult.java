package dev.cutover.app;

import java.nio.file.Path;

/**
 * What {@code cutover compile} did.
 *
 * @param compiled the plan compiled from the run directory
 * @param stepsFile where execution-steps.json lives
 * @param before the state of that file before this command
 */
public record CompileResult(CompiledPlan compiled, Path stepsFile, StepsFileState before) {
    /** Whether this command changed the file on disk. */
    public boolean written() {
        return before != StepsFileState.CURRENT;
    }
}
