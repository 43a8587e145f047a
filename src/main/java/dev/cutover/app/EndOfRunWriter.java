package dev.cutover.app;

import dev.cutover.engine.RunResult;
import dev.cutover.input.RunDirectory;

/** Writes execution-summary.json and execution-report.md when a run ends (FORMATS.md §3.3). */
public interface EndOfRunWriter {
    void write(RunDirectory dir, RunResult result);
}
