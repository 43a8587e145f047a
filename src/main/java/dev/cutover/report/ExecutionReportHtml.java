package dev.cutover.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code execution-report.html}: the facts of {@code execution-report.md} (verdict, counts, per-phase
 * table, every step with its state and why, freezes, warnings, next steps) plus a Gantt timeline of actual step
 * durations against their time boxes, as one self-contained page. Same inputs, same bytes; no clock is read.
 */
public final class ExecutionReportHtml {
    private final RunSummary summary;
    private final ReportInput input;
    private final ReportContext context;
    private final List<StepOutcome> outcomes;
    private final ExecutionTimeline timeline;
    private final HtmlWriter html;

    private ExecutionReportHtml(RunSummary summary, ReportInput input, ReportContext context) {
        this.summary = summary;
        this.input = input;
        this.context = context;
        this.outcomes = StepOutcomes.of(input.steps(), input.entries());
        this.timeline = ExecutionTimeline.of(outcomes, summary.startedAt());
        this.html = HtmlPage.begin("Cutover execution report: " + summary.runId());
    }

    /** The page; {@code summary} must have been built from {@code input}. */
    public static String render(RunSummary summary, ReportInput input, ReportContext context) {
        return new ExecutionReportHtml(summary, input, context).document();
    }

    private String document() {
        verdict();
        facts();
        timeline();
        phases();
        new ExecutionReportHtmlSteps(timeline, new StepDetails(input.entries()), html).render();
        freezes();
        NotificationLog.of(input.entries()).html(html);
        RollbackOutcomes.of(input.steps(), input.entries()).ifPresent(r -> r.html(html));
        lines("warnings", "Warnings", context.warnings());
        lines("skipped-checks", "Skipped pre-flight checks", context.skippedChecks());
        if (context.handoffApproved()) {
            html.open("section", "id", "data-plane-policy")
                    .element("h2", "Data-plane IAM policy")
                    .element("p", ExecutionReport.DATA_PLANE_POLICY_NOTE)
                    .close("section");
        }
        next();
        return HtmlPage.end(html);
    }

    private void verdict() {
        String verdict = summary.verdict().wireName();
        html.open("header")
                .element("h1", "Cutover execution report: " + summary.runId())
                .open("p", "class", "verdict " + verdict)
                .element("strong", "Verdict: " + verdict.toUpperCase(Locale.ROOT))
                .close("p");
        if (summary.verdict() == Verdict.INTERRUPTED) {
            html.element("p", ExecutionReport.INTERRUPTED_NOTE);
        }
        ExecutionReport.skippedNote(summary).ifPresent(note -> html.element("p", note));
        if (summary.haltReason() != null || summary.haltStepId() != null) {
            html.open("ul");
            if (summary.haltReason() != null) {
                html.element("li", "Halt reason: " + MarkdownText.oneLine(summary.haltReason()));
            }
            if (summary.haltStepId() != null) {
                html.open("li")
                        .text("Halt step: ")
                        .element("code", summary.haltStepId())
                        .close("li");
            }
            html.close("ul");
        }
        html.close("header");
    }

    private void facts() {
        RunSummary s = summary;
        html.open("section", "id", "facts").open("dl", "class", "facts");
        fact("Run id", s.runId());
        fact("Started", ReportTime.format(s.startedAt()));
        fact("Ended", s.endedAt() == null ? "not recorded (interrupted)" : ReportTime.format(s.endedAt()));
        fact(
                "Elapsed",
                ReportTime.duration(s.elapsedSeconds()) + " (" + s.elapsedSeconds() + " s"
                        + (s.verdict() == Verdict.INTERRUPTED ? ", up to the last journal entry" : "") + ")");
        fact(
                "Steps",
                s.stepsTotal() + " total, " + s.stepsSucceeded() + " succeeded, " + s.stepsSkipped() + " skipped, "
                        + s.stepsFailed() + " failed, " + s.stepsBlocked() + " blocked, " + s.stepsPending()
                        + " pending");
        fact("Approvals", s.approvalsRequested() + " requested, " + s.approvalsGiven() + " given");
        html.close("dl").close("section");
    }

    private void fact(String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private void timeline() {
        html.open("section", "id", "timeline").element("h2", "Timeline");
        html.element(
                "p",
                "Each step from its first step-started to the event that decided its state (approval time"
                        + " included), on elapsed time since the run started. Green succeeded, red failed, grey"
                        + " skipped, blue in flight; the light bar behind is the planned time box; an orange outline"
                        + " marks a step that overran it. Steps that never started have no bar.",
                "class",
                "lead");
        TimelineSvg.write(timeline, html);
        html.close("section");
    }

    private void phases() {
        html.open("section", "id", "phases")
                .element("h2", "Steps by phase")
                .open("table")
                .open("tr");
        for (String h : new String[] {"Phase", "Succeeded", "Skipped", "Failed", "Blocked", "Pending", "Total"}) {
            html.element("th", h);
        }
        html.close("tr");
        StepCounts total = new StepCounts(0, 0, 0, 0, 0, 0);
        for (Map.Entry<PhaseKey, StepCounts> row :
                PhaseCounts.of(outcomes).rows().entrySet()) {
            phaseRow(row.getKey().label(), row.getValue());
            total = total.plus(row.getValue());
        }
        phaseRow("Total", total);
        html.close("table").element("p", ExecutionReport.PENDING_NOTE).close("section");
    }

    private void phaseRow(String label, StepCounts c) {
        html.open("tr").element("td", label);
        for (int n :
                new int[] {c.succeeded(), c.skipped(), c.failed(), c.blocked(), c.pendingWithInFlight(), c.total()}) {
            html.element("td", String.valueOf(n));
        }
        html.close("tr");
    }

    private void freezes() {
        html.open("section", "id", "freezes").element("h2", "Active freezes");
        if (summary.activeFreezes().isEmpty()) {
            html.element("p", "None.", "class", "none").close("section");
            return;
        }
        html.open("ul");
        for (ActiveFreeze f : summary.activeFreezes()) {
            html.open("li").element("code", f.spec().datastoreArn());
            html.text(": frozen since " + ReportTime.format(f.startedAt()) + " by ")
                    .element("code", f.spec().beginsAtStepId());
            html.text(", " + f.elapsedMinutes() + " of " + f.spec().durationMinutes() + " min");
            if (f.overrun()) {
                html.text(" — ").element("strong", "OVERRUN").text(" by " + -f.remainingMinutes() + " min");
            } else {
                html.text(", " + f.remainingMinutes() + " min left");
            }
            html.text(f.spec().releaseStepId() == null ? "; no step releases it" : "; released by ");
            if (f.spec().releaseStepId() != null) {
                html.element("code", f.spec().releaseStepId());
            }
            html.close("li");
        }
        html.close("ul").close("section");
    }

    private void lines(String id, String title, List<String> items) {
        html.open("section", "id", id).element("h2", title);
        if (items.isEmpty()) {
            html.element("p", "None.", "class", "none");
        } else {
            html.open("ul");
            items.forEach(item -> html.element("li", MarkdownText.oneLine(item)));
            html.close("ul");
        }
        html.close("section");
    }

    private void next() {
        html.open("section", "id", "next").element("h2", "Next").open("ul");
        List<NextStep> steps = PipelineNext.adapt(
                RehearsalNext.of(input, context.runDir(), summary.verdict() == Verdict.INTERRUPTED)
                        .or(() -> RollbackOutcomes.of(input.steps(), input.entries())
                                .map(r -> r.next(context.runDir())))
                        .orElseGet(() ->
                                NextStep.after(summary.verdict(), summary.runId(), context.runDir(), input.tornTail())),
                input.entries(),
                context.runDir());
        for (NextStep step : steps) {
            html.open("li")
                    .element("code", step.command())
                    .text(": " + step.why())
                    .close("li");
        }
        html.close("ul").close("section");
    }
}
