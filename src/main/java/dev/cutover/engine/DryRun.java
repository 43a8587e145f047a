package dev.cutover.engine;

import dev.cutover.compile.CapturedIds;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.policy.CommandRole;
import dev.cutover.policy.Placeholders;
import dev.cutover.shell.CommandResult;
import dev.cutover.time.DurationText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code execute --dry-run}: pre-flight's checks, then the whole plan as the operator would live it — for every
 * step the exact commands (runtime parameters shown as {@code {name}}), the questions that would be asked, the
 * gates and a timeline from the time boxes — running only read-only previews that need no parameter. No
 * journal, no lock file, no mutation; command logs go to {@code execution-dry-run/}.
 */
public final class DryRun {
    private final PreflightCheck preflight;
    private final PrintWriter out;

    public DryRun(PreflightCheck preflight, PrintWriter out) {
        this.preflight = preflight;
        this.out = out;
    }

    /** Returns the number of approvals a real run would ask for. */
    public int walk(ExecuteRequest request, PlanSource source) {
        PreflightCheck.Checked checked = preflight.checkForDryRun(request, source);
        LoadedPlan plan = checked.plan();
        StepCommands commands = preflight.commands(request);
        out.println();
        out.println("DRY RUN — nothing below is executed except read-only previews; no journal is written.");
        out.println(GoNoGo.blastRadius(plan.plan().steps()));
        NoReturnNotice noReturn = new NoReturnNotice(plan.plan().steps());
        out.println("Point of no return: "
                + noReturn.point()
                        .map(p -> p.stepId() + " (" + p.reason() + "); crossing it is confirmed separately")
                        .orElse("none: every step can be rolled back"));
        long elapsed = 0;
        int approvals = 0;
        GateAnchors gates = plan.gates();
        for (ExecutionStep step : plan.plan().steps()) {
            gates.at(step.stepId()).forEach(this::printGate);
            approvals += (step.irreversible() ? 2 : 1) + (noReturn.isThePoint(step) ? 1 : 0);
            describe(step, elapsed, commands, plan);
            if (noReturn.isThePoint(step)) {
                out.println("  " + noReturn.line(step).orElseThrow() + " (asked after the approval)");
            }
            elapsed += step.estimatedSeconds();
        }
        out.println();
        out.println(plan.plan().steps().size() + " steps, " + approvals
                + " approval prompts (irreversible steps and the point of no return ask again), estimated "
                + hhmm(elapsed) + " of time boxes.");
        return approvals;
    }

    private void describe(ExecutionStep step, long elapsedSeconds, StepCommands commands, LoadedPlan plan) {
        out.println();
        out.println("T+" + hhmm(elapsedSeconds) + "  " + step.stepId() + "  [" + step.action() + ", risk " + step.risk()
                + ", owner " + (step.ownerTeam() == null ? "-" : step.ownerTeam()) + "]");
        out.println("  asks:     " + (step.handoff() ? "approve / abort (handoff criteria)" : "approve / skip / abort")
                + (step.irreversible() ? ", then an IRREVERSIBLE re-confirmation" : ""));
        if (!step.runtimeParams().isEmpty()) {
            out.println("  params:   " + paramsText(step.runtimeParams()));
        }
        preview(step, commands, plan);
        out.println("  execute:  " + (step.human() ? String.valueOf(step.notes()) : step.executeCmd()));
        if (step.longRunning()) {
            out.println("  poll:     " + step.pollCmd() + "  until " + String.join(" | ", step.pollTerminalStates()));
        }
        out.println("  verify:   " + step.verifyCmd()
                + (step.verifySuccessPattern() == null ? "" : "  (must match " + step.verifySuccessPattern() + ")"));
        out.println("  rollback: " + (step.rollbackCmd().isEmpty() ? "none" : step.rollbackCmd()));
    }

    private void preview(ExecutionStep step, StepCommands commands, LoadedPlan plan) {
        if (step.previewCmd() == null || step.human()) {
            return;
        }
        boolean open = !Placeholders.find(step.previewCmd(), false).isEmpty();
        if (open
                || !CutoverEngine.lint(plan)
                        .check(step.previewCmd(), CommandRole.READ)
                        .executable()) {
            out.println("  preview:  " + step.previewCmd() + "  (runs at approval time)");
            return;
        }
        CommandResult r = commands.run(step, "preview", step.previewCmd());
        out.println("  preview:  " + step.previewCmd() + "  → exit " + r.exitCode());
        r.stdoutTail().lines().limit(5).forEach(l -> out.println("    | " + l));
    }

    private void printGate(GateAnchors.Gate gate) {
        out.println();
        out.println("GATE of " + gate.where() + ", asked before the next step — approvers: "
                + String.join(", ", gate.gate().approvers()));
        gate.gate().criteria().forEach(c -> out.println("  [ ] " + c));
    }

    private static String hhmm(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() + ":" + DurationText.twoDigits(d.toMinutesPart());
    }

    private static String paramsText(List<String> params) {
        List<String> parts = new ArrayList<>();
        List<String> asked = CapturedIds.asked(params);
        if (!asked.isEmpty()) {
            parts.add(String.join(", ", asked) + " (asked at run time)");
        }
        List<String> captured = CapturedIds.captured(params);
        if (!captured.isEmpty()) {
            parts.add(String.join(", ", captured) + " (captured from the execute's output)");
        }
        return String.join("; ", parts);
    }
}
