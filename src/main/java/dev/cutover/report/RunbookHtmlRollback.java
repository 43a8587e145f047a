package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.List;

/** The rollback procedure of {@code runbook.html}: the unwinding order, then each migration-plan phase's rollback. */
final class RunbookHtmlRollback {
    private final Runbook book;
    private final HtmlWriter html;

    RunbookHtmlRollback(Runbook book, HtmlWriter html) {
        this.book = book;
        this.html = html;
    }

    void render() {
        html.open("section", "id", "rollback")
                .element("h2", "Rollback procedure")
                .element("p", RunbookText.UNWIND)
                .element("h3", "Unwinding order");
        List<ExecutionStep> unwind = book.unwindOrder();
        if (unwind.isEmpty()) {
            html.element("p", "No step carries a rollback command.", "class", "none");
        } else {
            html.open("ol");
            for (ExecutionStep s : unwind) {
                html.open("li").open("a", "href", "#step-" + s.stepId()).element("code", s.stepId());
                html.close("a").text(" (" + RunbookText.rollbackOrigin(s) + ")");
                if (book.atOrAfterPointOfNoReturn(s)) {
                    html.text(" — ").element("strong", RunbookText.AFTER_POINT_OF_NO_RETURN);
                }
                html.element("pre", s.rollbackCmd()).close("li");
            }
            html.close("ol");
        }
        html.element("h3", "By migration-plan phase");
        if (book.input().rollbacks().isEmpty()) {
            html.element("p", "The migration plan declares no rollback.", "class", "none");
        }
        book.input().rollbacks().forEach(this::planPhase);
        html.close("section");
    }

    private void planPhase(RunbookInput.PlanRollback r) {
        html.element(
                "h4",
                "Plan phase " + r.number() + " " + r.name()
                        + (r.windowMinutes() == null ? "" : " (rollback window " + r.windowMinutes() + " min)"));
        if (r.description() != null) {
            html.element("p", r.description());
        }
        if (r.steps().isEmpty()) {
            html.element("p", "No rollback steps.", "class", "none");
        } else {
            html.open("ol");
            r.steps().forEach(s -> html.open("li").element("pre", s).close("li"));
            html.close("ol");
        }
        List<ExecutionStep> offering = book.offering(r);
        if (offering.isEmpty()) {
            html.element("p", "Offered on no step: run it by hand if this phase must be undone.");
            return;
        }
        html.open("p").text("Step 1 is offered in the failure dialog of: ");
        for (int i = 0; i < offering.size(); i++) {
            String id = offering.get(i).stepId();
            html.text(i == 0 ? "" : ", ")
                    .open("a", "href", "#step-" + id)
                    .element("code", id)
                    .close("a");
        }
        html.text(RunbookText.offeredOn(r)).close("p");
    }
}
