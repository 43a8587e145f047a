package dev.cutover.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders {@code execution-report.md} (FORMATS.md §3.3) from a summary, the plan, the journal and the
 * report context; the same inputs always give the same text (no clock is read here).
 */
public final class ExecutionReport {
    static final String INTERRUPTED_NOTE = "The run stopped without recording an end (crash, kill or lost terminal)."
            + " This report shows the journal up to its last entry; no summary verdict was written.";
    static final String DATA_PLANE_POLICY_NOTE = "The handoff to the data plane was approved, so the data-plane IAM"
            + " policy was attached for this run. Detach it from the target role once data-plane work is finished;"
            + " it grants write access the steady state must not keep.";
    static final String PENDING_NOTE = "Pending includes steps that were in flight when the run stopped.";

    private ExecutionReport() {}

    /** The report's Markdown, LF line ends, ending in a newline. */
    public static String markdown(RunSummary summary, ReportInput input, ReportContext context) {
        List<StepOutcome> outcomes = StepOutcomes.of(input.steps(), input.entries());
        StringBuilder md = new StringBuilder(4096);
        md.append("# Cutover execution report: ")
                .append(MarkdownText.prose(summary.runId()))
                .append("\n\n");
        verdict(md, summary);
        facts(md, summary);
        md.append("## Steps by phase\n\n")
                .append(PhaseCounts.of(outcomes).markdown())
                .append('\n');
        md.append(PENDING_NOTE).append("\n\n");
        StepSections sections = new StepSections(outcomes, input.entries());
        sections.skipped(md);
        sections.failed(md);
        sections.inFlight(md);
        sections.blocked(md);
        freezes(md, summary);
        NotificationLog.of(input.entries()).markdown(md);
        RollbackOutcomes.of(input.steps(), input.entries()).ifPresent(r -> r.markdown(md));
        lines(md, "Warnings", context.warnings());
        lines(md, "Skipped pre-flight checks", context.skippedChecks());
        if (context.handoffApproved()) {
            md.append("## Data-plane IAM policy\n\n")
                    .append(DATA_PLANE_POLICY_NOTE)
                    .append("\n\n");
        }
        stepTable(md, outcomes);
        next(md, summary, input, context);
        return md.toString();
    }

    /** Every step with its state and what it touched: the partial-failure picture an operator hands over. */
    private static void stepTable(StringBuilder md, List<StepOutcome> outcomes) {
        md.append("## All steps\n\n| Step | State | Resource | Owner |\n|---|---|---|---|\n");
        for (StepOutcome o : outcomes) {
            md.append("| ")
                    .append(MarkdownText.code(o.step().stepId()))
                    .append(" | ")
                    .append(o.state().wireName())
                    .append(" | ")
                    .append(MarkdownText.code(o.step().resourceArn()))
                    .append(" | ")
                    .append(
                            o.step().ownerTeam() == null
                                    ? "—"
                                    : MarkdownText.prose(o.step().ownerTeam()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void verdict(StringBuilder md, RunSummary s) {
        md.append("**Verdict: ")
                .append(s.verdict().wireName().toUpperCase(Locale.ROOT))
                .append("**\n\n");
        if (s.verdict() == Verdict.INTERRUPTED) {
            md.append(INTERRUPTED_NOTE).append("\n\n");
        }
        skippedNote(s).ifPresent(note -> md.append(note).append("\n\n"));
        if (s.haltReason() != null) {
            md.append("- Halt reason: ")
                    .append(MarkdownText.prose(s.haltReason()))
                    .append('\n');
        }
        if (s.haltStepId() != null) {
            md.append("- Halt step: ").append(MarkdownText.code(s.haltStepId())).append('\n');
        }
        if (s.haltReason() != null || s.haltStepId() != null) {
            md.append('\n');
        }
    }

    /**
     * A completed run walked every step, but "completed" also covers steps an operator skipped (FORMATS.md §3.3),
     * possibly after they failed: the verdict line must not read as "everything succeeded" then.
     */
    static Optional<String> skippedNote(RunSummary s) {
        if (s.verdict() != Verdict.COMPLETED || s.stepsSkipped() == 0) {
            return Optional.empty();
        }
        return Optional.of("Completed with " + s.stepsSkipped() + (s.stepsSkipped() == 1 ? " step" : " steps")
                + " skipped by an operator: see Skipped steps for why; a skipped step did not succeed.");
    }

    private static void facts(StringBuilder md, RunSummary s) {
        md.append("- Run id: ").append(MarkdownText.code(s.runId())).append('\n');
        md.append("- Started: ").append(ReportTime.format(s.startedAt())).append('\n');
        md.append("- Ended: ")
                .append(s.endedAt() == null ? "not recorded (interrupted)" : ReportTime.format(s.endedAt()))
                .append('\n');
        md.append("- Elapsed: ")
                .append(ReportTime.duration(s.elapsedSeconds()))
                .append(" (")
                .append(s.elapsedSeconds())
                .append(" s")
                .append(s.verdict() == Verdict.INTERRUPTED ? ", up to the last journal entry" : "")
                .append(")\n");
        md.append("- Steps: ")
                .append(s.stepsTotal())
                .append(" total, ")
                .append(s.stepsSucceeded())
                .append(" succeeded, ")
                .append(s.stepsSkipped())
                .append(" skipped, ")
                .append(s.stepsFailed())
                .append(" failed, ")
                .append(s.stepsBlocked())
                .append(" blocked, ")
                .append(s.stepsPending())
                .append(" pending\n");
        md.append("- Approvals: ")
                .append(s.approvalsRequested())
                .append(" requested, ")
                .append(s.approvalsGiven())
                .append(" given\n\n");
    }

    private static void freezes(StringBuilder md, RunSummary s) {
        md.append("## Active freezes\n\n");
        if (s.activeFreezes().isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        for (ActiveFreeze f : s.activeFreezes()) {
            md.append("- ")
                    .append(MarkdownText.code(f.spec().datastoreArn()))
                    .append(": frozen since ")
                    .append(ReportTime.format(f.startedAt()))
                    .append(" by ")
                    .append(MarkdownText.code(f.spec().beginsAtStepId()))
                    .append(", ")
                    .append(f.elapsedMinutes())
                    .append(" of ")
                    .append(f.spec().durationMinutes())
                    .append(" min");
            if (f.overrun()) {
                md.append(" — **OVERRUN** by ").append(-f.remainingMinutes()).append(" min");
            } else {
                md.append(", ").append(f.remainingMinutes()).append(" min left");
            }
            md.append(
                    f.spec().releaseStepId() == null
                            ? "; no step releases it"
                            : "; released by " + MarkdownText.code(f.spec().releaseStepId()));
            md.append('\n');
        }
        md.append('\n');
    }

    private static void lines(StringBuilder md, String title, List<String> items) {
        md.append("## ").append(title).append("\n\n");
        if (items.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        items.forEach(item -> md.append("- ").append(MarkdownText.prose(item)).append('\n'));
        md.append('\n');
    }

    private static void next(StringBuilder md, RunSummary s, ReportInput input, ReportContext context) {
        md.append("## Next\n\n");
        List<NextStep> steps = PipelineNext.adapt(
                RehearsalNext.of(input, context.runDir(), s.verdict() == Verdict.INTERRUPTED)
                        .or(() -> RollbackOutcomes.of(input.steps(), input.entries())
                                .map(r -> r.next(context.runDir())))
                        .orElseGet(() -> NextStep.after(s.verdict(), s.runId(), context.runDir(), input.tornTail())),
                input.entries(),
                context.runDir());
        for (NextStep step : steps) {
            md.append("- ")
                    .append(MarkdownText.code(step.command()))
                    .append(": ")
                    .append(MarkdownText.prose(step.why()))
                    .append('\n');
        }
    }
}
