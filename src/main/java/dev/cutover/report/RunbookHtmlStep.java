package dev.cutover.report;

import dev.cutover.compile.CapturedIds;
import dev.cutover.compile.ExecutionStep;
import java.util.List;

/** The phases of {@code runbook.html}: each phase's gate, then each step's facts, exact commands and checkpoints. */
final class RunbookHtmlStep {
    private final Runbook book;
    private final HtmlWriter html;

    RunbookHtmlStep(Runbook book, HtmlWriter html) {
        this.book = book;
        this.html = html;
    }

    void phase(Runbook.PhaseSteps p) {
        RunbookInput.Phase phase = p.phase();
        html.open("section", "class", "phase", "id", "phase-" + phase.label())
                .element("h3", phase.label() + " " + phase.name());
        if (phase.description() != null) {
            html.element("p", phase.description());
        }
        if (phase.gate() != null) {
            gate(p);
        }
        if (p.steps().isEmpty()) {
            html.element("p", "No steps in this phase.", "class", "none");
        }
        p.steps().forEach(this::step);
        html.close("section");
    }

    private void gate(Runbook.PhaseSteps p) {
        RunbookInput.Phase phase = p.phase();
        boolean handoff = PhaseKey.HANDOFF.label().equals(phase.label());
        html.open("div", "class", "gate")
                .element("h4", handoff ? "Handoff criteria" : "Go/no-go gate")
                .element(
                        "p",
                        handoff || !p.steps().isEmpty()
                                ? "Decide before the first step of this phase."
                                : capitalised(book.gateDecision(p)) + ".")
                .open("ul", "class", "checklist");
        phase.gate().criteria().forEach(c -> html.element("li", c));
        html.close("ul")
                .element("p", "Sign-off: " + RunbookText.approvers(phase) + ".")
                .close("div");
    }

    private void step(ExecutionStep step) {
        boolean pnr = book.isPointOfNoReturn(step);
        String classes = "step" + (pnr ? " pnr" : "") + (step.human() ? " human" : "");
        html.open("article", "class", classes, "id", "step-" + step.stepId()).open("h4");
        html.text("Step " + book.sequence(step) + " of " + book.input().steps().size() + ": ")
                .element("code", step.stepId());
        if (pnr) {
            html.element("span", "POINT OF NO RETURN", "class", "badge pnr");
        }
        if (step.irreversible()) {
            html.element("span", "IRREVERSIBLE", "class", "badge irreversible");
        }
        if (step.human()) {
            html.element("span", "BY HAND", "class", "badge human");
        }
        html.close("h4").element("p", step.description());
        facts(step);
        commands(step);
        List<String> notes = Runbook.notes(step);
        if (!notes.isEmpty()) {
            html.element("p", "Notes", "class", "label").open("ul");
            notes.forEach(n -> html.element("li", n));
            html.close("ul");
        }
        html.close("article");
    }

    private void facts(ExecutionStep step) {
        html.open("dl", "class", "facts");
        fact("Owner", step.ownerTeam() == null ? "none named" : step.ownerTeam());
        fact("Expected", Runbook.timeBox(step));
        html.element("dt", "Risk").element("dd", step.risk(), "class", "risk-" + step.risk());
        fact("Action", step.action() + " (tool " + step.tool() + ")");
        html.element("dt", "Resource")
                .open("dd")
                .element("code", step.resourceArn())
                .text(" (" + step.resourceType() + ")")
                .close("dd");
        if (!step.requires().isEmpty()) {
            html.element("dt", "Runs after").open("dd");
            for (int i = 0; i < step.requires().size(); i++) {
                String id = step.requires().get(i);
                html.text(i == 0 ? "" : ", ").open("a", "href", "#step-" + id).element("code", id);
                html.close("a");
            }
            html.close("dd");
        }
        List<String> asked = CapturedIds.asked(step.runtimeParams());
        if (!asked.isEmpty()) {
            fact("Asked at run time", String.join(", ", asked));
        }
        List<String> captured = CapturedIds.captured(step.runtimeParams());
        if (!captured.isEmpty()) {
            fact("Captured from the execute's output", String.join(", ", captured) + " (asked only if it is missing)");
        }
        if (step.irreversible()) {
            fact("Irreversible", "the prompt asks for a second confirmation");
        }
        book.pointOfNoReturn()
                .filter(p -> p.stepId().equals(step.stepId()))
                .ifPresent(p -> fact("Point of no return", p.reason()));
        html.close("dl");
    }

    private void fact(String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private void commands(ExecutionStep step) {
        if (step.human()) {
            html.element("p", "Execute", "class", "label").element("p", RunbookText.HUMAN_EXECUTE);
        } else if (RunbookText.checkOnly(step)) {
            html.element("p", "Execute", "class", "label").element("p", RunbookText.CHECK_ONLY_EXECUTE);
        } else {
            block("Execute", step.executeCmd());
        }
        if (step.previewCmd() != null) {
            block("Preview (read-only, shown before approval)", step.previewCmd());
        }
        if (step.longRunning() && step.pollCmd() != null) {
            block("Checkpoint: poll " + RunbookText.polling(step), step.pollCmd());
        }
        if (RunbookText.pollDerivedVerify(step)) {
            html.element("p", RunbookText.POLL_DERIVED_VERIFY, "class", "label");
        } else {
            RunbookText.check(step)
                    .ifPresent(check -> block(
                            "Checkpoint: verify (read-only)"
                                    + (step.verifySuccessPattern() == null
                                            ? ", must exit 0"
                                            : ", must exit 0 and match " + step.verifySuccessPattern()),
                            check));
        }
        if (step.rollbackCmd().isEmpty()) {
            html.element("p", "Rollback: none offered.", "class", "label");
        } else {
            block("Rollback (" + RunbookText.rollbackOrigin(step) + ")", step.rollbackCmd());
        }
    }

    private void block(String label, String command) {
        html.element("p", label, "class", "label").element("pre", command);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
