package dev.cutover.report;

import dev.cutover.compile.CompileWarning;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.Plan;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.compile.WindowEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds a {@link Plan} into a {@link PlanSummary}; pure and deterministic. */
public final class PlanSummaries {
    private PlanSummaries() {}

    /** Where the plan's files are and whether the stored steps match the inputs, as the summary prints them. */
    public record Files(String stepsFile, String journalFile, String stepsFileState) {}

    /**
     * @param identity the plan's identity (what a rehearsal of it must match)
     * @param window the window estimate of this plan ({@code WindowEstimate.of})
     */
    public static PlanSummary of(Plan plan, PlanIdentity identity, WindowEstimate window, Files files) {
        List<ExecutionStep> steps = plan.steps();
        Map<String, Integer> perPhase = new LinkedHashMap<>();
        PhaseKey.all().forEach(k -> perPhase.put(k.label(), 0));
        Map<String, List<String>> longRunning = new TreeMap<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> highRisk = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> human = new ArrayList<>();
        long seconds = 0;
        for (ExecutionStep s : steps) {
            perPhase.merge(PhaseKey.of(s).label(), 1, Integer::sum);
            if (s.longRunning()) {
                longRunning.computeIfAbsent(s.tool(), t -> new ArrayList<>()).add(s.stepId());
            }
            if ("high".equals(s.risk())) {
                highRisk.add(s.stepId());
            }
            if (s.irreversible()) {
                irreversible.add(s.stepId());
            }
            if (s.human()) {
                human.add(s.stepId());
            }
            if (!s.runtimeParams().isEmpty()) {
                params.put(s.stepId(), s.runtimeParams());
            }
            seconds += s.estimatedSeconds();
        }
        List<String> warnings =
                plan.warnings().stream().map(CompileWarning::render).toList();
        return new PlanSummary(
                steps.size(),
                identity.sha256(),
                perPhase,
                longRunning,
                highRisk,
                irreversible,
                PointOfNoReturn.of(steps)
                        .map(p -> new PlanSummary.NoReturnPoint(p.stepId(), p.reason()))
                        .orElse(null),
                human,
                params,
                warnings,
                seconds,
                window.parallelSeconds(),
                window.maxParallelJobs(),
                files.stepsFile(),
                files.journalFile(),
                files.stepsFileState());
    }
}
