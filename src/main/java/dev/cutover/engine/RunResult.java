package dev.cutover.engine;

import dev.cutover.compile.Plan;
import dev.cutover.error.CutoverException;
import dev.cutover.input.FreezeWindow;
import java.util.List;
import java.util.Optional;

/**
 * What an execution produced, for the app layer to write the summary and report from.
 *
 * @param ending how the run ended
 * @param plan the plan that was walked (null when pre-flight failed before compiling)
 * @param warnings go/no-go warnings (compile warnings, allow-list warnings, staleness)
 * @param skippedChecks pre-flight checks that did not apply
 * @param failure the pre-flight error behind verdict failed, or null
 * @param freezeWindows the data plane's freeze windows (empty when pre-flight failed before loading)
 */
public record RunResult(
        RunEnding ending,
        Plan plan,
        List<String> warnings,
        List<String> skippedChecks,
        CutoverException failure,
        List<FreezeWindow> freezeWindows) {
    public RunResult {
        warnings = List.copyOf(warnings);
        skippedChecks = List.copyOf(skippedChecks);
        freezeWindows = List.copyOf(freezeWindows);
    }

    /** The process exit code: the pre-flight error's, else the verdict's (DESIGN.md §4). */
    public int exitCode() {
        return Optional.ofNullable(failure)
                .map(CutoverException::exitCode)
                .orElse(ending.verdict().exitCode());
    }
}
