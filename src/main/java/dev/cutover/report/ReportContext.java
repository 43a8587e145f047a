package dev.cutover.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the report shows besides the plan and the journal: where the run lives (for the commands it
 * prints), compile and pre-flight warnings, skipped pre-flight checks, and whether the handoff was approved.
 *
 * @param runDir the run directory
 * @param warnings warnings to repeat (compile, pre-flight, banner), one line each
 * @param skippedChecks pre-flight checks that did not run, one line each
 * @param handoffApproved true once the handoff step was approved (the data-plane IAM policy is attached)
 */
public record ReportContext(Path runDir, List<String> warnings, List<String> skippedChecks, boolean handoffApproved) {
    public ReportContext {
        Objects.requireNonNull(runDir, "runDir");
        warnings = List.copyOf(warnings);
        skippedChecks = List.copyOf(skippedChecks);
    }
}
