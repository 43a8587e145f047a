package dev.cutover.report;

import dev.cutover.journal.StepHistory;

/**
 * The "All steps" table of {@code execution-report.html}: every step in plan order with its state, how long it
 * took against its time box, what it acted on, who owns it, and why it ended where it did (skip reason, failure
 * analysis with its stderr log and last line, last event in flight, the steps blocking it).
 */
final class ExecutionReportHtmlSteps {
    private final ExecutionTimeline timeline;
    private final StepDetails details;
    private final HtmlWriter html;

    ExecutionReportHtmlSteps(ExecutionTimeline timeline, StepDetails details, HtmlWriter html) {
        this.timeline = timeline;
        this.details = details;
        this.html = html;
    }

    void render() {
        html.open("section", "id", "steps")
                .element("h2", "All steps")
                .open("table")
                .open("tr");
        for (String h : new String[] {"#", "Step", "State", "Took", "Time box", "Resource", "Owner", "Why"}) {
            html.element("th", h);
        }
        html.close("tr");
        for (int i = 0; i < timeline.rows().size(); i++) {
            row(i + 1, timeline.rows().get(i));
        }
        html.close("table").close("section");
    }

    private void row(int number, ExecutionTimeline.Row row) {
        String id = row.step().stepId();
        String state = row.outcome().state().wireName();
        html.open("tr", "id", "step-" + id, "class", state).element("td", String.valueOf(number));
        html.open("td").element("code", id).close("td").element("td", state);
        html.element(
                "td",
                row.actualMillis()
                        .map(ms -> ExecutionTimeline.took(ms) + (row.overran() ? " (overran)" : ""))
                        .orElse("—"));
        html.element("td", Runbook.timeBox(row.step()));
        html.open("td").element("code", row.step().resourceArn()).close("td");
        html.element("td", row.step().ownerTeam() == null ? "—" : row.step().ownerTeam());
        html.open("td");
        why(row.outcome());
        html.close("td").close("tr");
    }

    private void why(StepOutcome o) {
        switch (o.state()) {
            case SKIPPED -> html.text(MarkdownText.oneLine(details.skipReason(o.stepId())));
            case FAILED -> failed(o.stepId());
            case IN_FLIGHT -> {
                StepHistory h = o.history().orElseThrow();
                html.text("last event " + h.lastEvent().wireName() + " at " + ReportTime.format(h.lastEventAt()));
            }
            case BLOCKED -> {
                html.text("requires ");
                for (int i = 0; i < o.step().requires().size(); i++) {
                    html.text(i == 0 ? "" : ", ")
                            .element("code", o.step().requires().get(i));
                }
            }
            case SUCCEEDED, PENDING -> html.text("");
        }
    }

    private void failed(String stepId) {
        String log = StepDetails.stderrLog(stepId);
        html.element("a", log, "href", log);
        details.failureWhy(stepId).ifPresent(why -> html.text("; why: " + MarkdownText.oneLine(why)));
        html.text("; ");
        details.lastStderrLine(stepId)
                .ifPresentOrElse(
                        line -> html.text("last stderr line: ").element("code", MarkdownText.oneLine(line)),
                        () -> html.text("no stderr recorded"));
    }
}
