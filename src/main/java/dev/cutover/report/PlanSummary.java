package dev.cutover.report;

import java.util.List;
import java.util.Map;

/**
 * The one-screen overview of a compiled plan that {@code cutover plan} prints and go/no-go shows.
 *
 * @param totalSteps number of steps
 * @param planIdentity the plan's identity ({@code PlanIdentity}): what a rehearsal of this plan must match
 * @param stepsPerPhase step count per bucket label (CP0..CP6, handoff, DP1..DP5), in execution order
 * @param longRunningByTool step ids of long-running steps grouped by tool, tools sorted
 * @param highRisk step ids with risk high
 * @param irreversible step ids marked irreversible
 * @param pointOfNoReturn the first step after which rollback is impossible or much more expensive, or null
 * @param human step ids performed by a human
 * @param runtimeParams step id → parameters the operator must still supply at run time
 * @param warnings rendered compile warnings
 * @param estimatedSeconds sum of the steps' time boxes: the strictly sequential walk
 * @param parallelEstimatedSeconds the critical-path estimate with long-running jobs in parallel
 * @param maxParallelJobs the bound on jobs in flight that estimate assumes
 * @param stepsFile path of execution-steps.json
 * @param journalFile path of execution-log.jsonl
 * @param stepsFileState whether the steps file on disk matches this compile: missing, current or stale
 */
public record PlanSummary(
        int totalSteps,
        String planIdentity,
        Map<String, Integer> stepsPerPhase,
        Map<String, List<String>> longRunningByTool,
        List<String> highRisk,
        List<String> irreversible,
        NoReturnPoint pointOfNoReturn,
        List<String> human,
        Map<String, List<String>> runtimeParams,
        List<String> warnings,
        long estimatedSeconds,
        long parallelEstimatedSeconds,
        int maxParallelJobs,
        String stepsFile,
        String journalFile,
        String stepsFileState) {

    /** The point of no return as the summary shows it (see {@code PointOfNoReturn}). */
    public record NoReturnPoint(String stepId, String reason) {}
}
