package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The go/no-go summary before the first step (FORMATS.md §6.1): totals, long-running jobs, high-risk,
 * irreversible and human steps, warnings and skipped checks; proceed or cancel.
 */
final class GoNoGo {
    private final EngineContext ctx;
    private final List<String> warnings;
    private final List<String> skippedChecks;
    private final List<String> resumeSummary;

    /** @param resumeSummary on resume, where the last run ended and what happens to each step; else empty */
    GoNoGo(EngineContext ctx, List<String> warnings, List<String> skippedChecks, List<String> resumeSummary) {
        this.ctx = ctx;
        this.warnings = List.copyOf(warnings);
        this.skippedChecks = List.copyOf(skippedChecks);
        this.resumeSummary = List.copyOf(resumeSummary);
    }

    /** Notes of the run-level {@code approved} that records the operator's go. */
    static final String PROCEEDED = "go/no-go: proceed";

    /** Empty when the operator proceeds (journaled); the ending when they cancel. */
    Optional<RunEnding> ask(List<ExecutionStep> steps) {
        Answer a = ctx.approver()
                .ask(Question.choose(
                        PromptKind.GO_NO_GO,
                        ExecutionStep.RUN_LEVEL_STEP_ID,
                        text(steps),
                        Choice.PROCEED,
                        Choice.CANCEL));
        if (a.choice() == Choice.PROCEED) {
            // Starting (or continuing) the cutover is a decision like any approval: who, when, and from where.
            ctx.journal().runLevel(JournalEvent.APPROVED, StepRun.join(PROCEEDED, a.notes()));
            return Optional.empty();
        }
        ctx.journal().runLevel(JournalEvent.ABORTED, StepRun.join("operator declined at pre-flight", a.notes()));
        return Optional.of(RunEnding.aborted("operator declined at pre-flight", null));
    }

    private String text(List<ExecutionStep> steps) {
        StringBuilder p = new StringBuilder(ctx.prompts().header().line()).append("\nGO / NO-GO\n");
        resumeSummary.forEach(l -> p.append("  ").append(l).append('\n'));
        p.append("  blast radius: ").append(blastRadius(steps)).append('\n');
        p.append("  ")
                .append(steps.size())
                .append(" steps; files in ")
                .append(ctx.runDir().root())
                .append('\n');
        Map<String, Integer> longRunning = new TreeMap<>();
        steps.stream().filter(ExecutionStep::longRunning).forEach(s -> longRunning.merge(s.tool(), 1, Integer::sum));
        p.append("  long-running by tool: ")
                .append(longRunning.isEmpty() ? "none" : longRunning)
                .append('\n');
        p.append("  high-risk: ").append(count(steps, s -> "high".equals(s.risk())));
        p.append("  irreversible: ").append(count(steps, ExecutionStep::irreversible));
        p.append("  human: ").append(count(steps, ExecutionStep::human)).append('\n');
        p.append("  point of no return: ")
                .append(ctx.prompts()
                        .noReturn()
                        .point()
                        .map(pnr -> pnr.stepId() + " (" + pnr.reason() + "; crossing it is confirmed separately)")
                        .orElse("none: every step can be rolled back"))
                .append('\n');
        warnings.forEach(w -> p.append("  WARNING: ").append(w).append('\n'));
        skippedChecks.forEach(c -> p.append("  skipped: ").append(c).append('\n'));
        return p.append("Every step will still ask for your approval. Proceed?\n")
                .toString();
    }

    /** What the mutating steps touch: distinct resources and the teams that own them. */
    static String blastRadius(List<ExecutionStep> steps) {
        Set<String> resources = new TreeSet<>();
        Set<String> teams = new TreeSet<>();
        for (ExecutionStep s : steps) {
            if (s.mutating()) {
                if (!s.resourceArn().startsWith("target:checklist:") && !s.handoff()) {
                    resources.add(s.resourceArn());
                }
                if (s.ownerTeam() != null) {
                    teams.add(s.ownerTeam());
                }
            }
        }
        return resources.size() + " resource(s) changed by "
                + steps.stream().filter(ExecutionStep::mutating).count() + " mutating step(s); owner teams: "
                + (teams.isEmpty() ? "none recorded" : String.join(", ", teams));
    }

    private static long count(List<ExecutionStep> steps, Predicate<ExecutionStep> p) {
        return steps.stream().filter(p).count();
    }
}
