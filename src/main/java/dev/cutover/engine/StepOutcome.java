package dev.cutover.engine;

/** What became of one step, and whether the walk goes on. */
sealed interface StepOutcome {
    record Succeeded() implements StepOutcome {}

    record Skipped() implements StepOutcome {}

    /** The step failed and the operator chose to continue; its dependents stay blocked. */
    record FailedContinue() implements StepOutcome {}

    record Stop(RunEnding ending) implements StepOutcome {}

    /** The parallel walk: a long-running step's job started and is polled in the background from here. */
    record Started(BackgroundJob job) implements StepOutcome {}
}
