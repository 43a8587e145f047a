package dev.cutover.cli;

import dev.cutover.compile.CapturedIds;
import dev.cutover.report.PlanSummary;
import dev.cutover.time.DurationText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a {@link PlanSummary} as the one-screen text of {@code cutover plan}. */
final class PlanSummaryText {
    private PlanSummaryText() {}

    static void render(PlanSummary s, PrintWriter out) {
        render(s, out, false);
    }

    /** The summary; {@code runStarted} when the run directory holds a journal (a run began with its steps file). */
    static void render(PlanSummary s, PrintWriter out, boolean runStarted) {
        out.println("Cutover plan: " + s.totalSteps() + " steps, estimated " + duration(s.estimatedSeconds())
                + " (sum of time boxes)");
        out.println("Window: " + duration(s.estimatedSeconds()) + " sequential (--sequential), "
                + duration(s.parallelEstimatedSeconds())
                + " with long-running jobs in parallel (critical path, up to " + s.maxParallelJobs() + " jobs)");
        out.println();
        out.println("Steps per phase:");
        StringBuilder line = new StringBuilder(" ");
        s.stepsPerPhase()
                .forEach(
                        (phase, n) -> line.append(' ').append(phase).append('=').append(n));
        out.println(line);
        out.println();
        if (s.longRunningByTool().isEmpty()) {
            out.println("Long-running jobs: none");
        } else {
            out.println("Long-running jobs (polled):");
            s.longRunningByTool()
                    .forEach((tool, ids) ->
                            out.println("  " + Columns.padRight(tool, 9) + " " + String.join(", ", ids)));
        }
        list(out, "High-risk steps", s.highRisk());
        list(out, "Irreversible steps (second confirmation)", s.irreversible());
        pointOfNoReturn(out, s.pointOfNoReturn());
        list(out, "Human steps (operator acts, Cutover records)", s.human());
        params(out, s.runtimeParams());
        list(out, "Warnings", s.warnings());
        out.println();
        out.println("Plan identity: " + s.planIdentity() + " (steps, commands, order; not accounts or profiles)");
        out.println("Steps file: " + s.stepsFile() + " (" + s.stepsFileState() + ")");
        out.println("Journal:    " + s.journalFile());
        if (!"current".equals(s.stepsFileState())) {
            out.println(
                    runStarted
                            // The run keeps the plan it started with: compile and --resume refuse a changed one.
                            ? "next: a run already started here with the stored steps file, and the inputs now compile to"
                                    + " another plan: restore the inputs it was compiled from to resume it, or start a new"
                                    + " run directory for the changed plan"
                            : "next: cutover compile to write the steps file");
        }
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        out.println(title + ": " + items.size());
        items.forEach(i -> out.println("  " + i));
    }

    private static void pointOfNoReturn(PrintWriter out, PlanSummary.NoReturnPoint point) {
        if (point == null) {
            out.println(
                    "Point of no return: none (no irreversible step; every command step after data moves has a rollback)");
        } else {
            out.println("Point of no return: " + point.stepId());
            out.println("  " + point.reason());
        }
    }

    private static void params(PrintWriter out, Map<String, List<String>> params) {
        out.println("Runtime parameters still needed: " + params.size() + " steps");
        params.forEach((step, names) -> {
            List<String> parts = new ArrayList<>(CapturedIds.asked(names));
            // Supplied by the step's own execute output; the operator is asked only if it did not print it.
            CapturedIds.captured(names).forEach(n -> parts.add(n + " (captured from the execute's output)"));
            out.println("  " + step + ": " + String.join(", ", parts));
        });
    }

    private static String duration(long seconds) {
        return DurationText.hoursMinutes(seconds);
    }
}
