package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import java.util.List;
import java.util.Objects;

/**
 * Renders {@code runbook.html}: the same content as {@link RunbookMarkdown} as one self-contained page (inline
 * style sheet, no scripts, no external resources) that parses as XML. Same input, same bytes.
 */
public final class RunbookHtml {
    private final Runbook book;
    private final HtmlWriter html;

    private RunbookHtml(Runbook book) {
        this.book = book;
        this.html = HtmlPage.begin("Cutover runbook: " + book.context().runId());
    }

    public static String render(RunbookInput input) {
        return new RunbookHtml(new Runbook(input)).document();
    }

    private String document() {
        html.open("header")
                .element("h1", "Cutover runbook: " + book.context().runId())
                .element("p", RunbookText.INTRO, "class", "lead")
                .close("header");
        nav();
        context();
        pointOfNoReturn();
        gates();
        freezes();
        communication();
        html.open("section", "id", "steps").element("h2", "Sequenced steps");
        RunbookHtmlStep steps = new RunbookHtmlStep(book, html);
        book.phases().forEach(steps::phase);
        html.close("section");
        new RunbookHtmlRollback(book, html).render();
        verification();
        return HtmlPage.end(html);
    }

    private void nav() {
        html.open("nav").open("ul");
        String[][] sections = {
            {"context", "Run context"}, {"point-of-no-return", "Point of no return"}, {"gates", "Go/no-go gates"},
            {"freezes", "Freeze windows"}, {"communication", "Communication plan"}, {"steps", "Sequenced steps"},
            {"rollback", "Rollback procedure"}, {"verification", "Post-cutover verification"}
        };
        for (String[] s : sections) {
            html.open("li").element("a", s[1], "href", "#" + s[0]).close("li");
        }
        html.close("ul").close("nav");
    }

    private void context() {
        RunbookInput.Context c = book.context();
        html.open("section", "id", "context").element("h2", "Run context").open("dl", "class", "facts");
        fact("Run id", c.runId());
        fact(
                "Environment",
                c.environment() + (c.environmentConfigured() ? " (cutover.yaml)" : " (default: no cutover.yaml)"));
        fact("Accounts", "source " + c.sourceAccountId() + " → target " + c.targetAccountId());
        fact("Checklists captured", String.join(", ", c.capturedAt()));
        fact(
                "Plan",
                book.input().steps().size() + " steps, estimated " + Runbook.minutes(book.estimatedSeconds())
                        + " (sum of time boxes)");
        html.element("dt", "execution-steps.json SHA-256")
                .open("dd")
                .element("code", c.stepsSha256())
                .close("dd");
        html.close("dl").close("section");
    }

    private void fact(String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private void pointOfNoReturn() {
        html.open("section", "id", "point-of-no-return").element("h2", "Point of no return");
        if (book.pointOfNoReturn().isEmpty()) {
            html.element("p", RunbookText.NO_POINT_OF_NO_RETURN, "class", "none")
                    .close("section");
            return;
        }
        PointOfNoReturn point = book.pointOfNoReturn().get();
        ExecutionStep step = point.step();
        html.open("div", "class", "callout").open("p").open("strong").text("Step " + book.sequence(step) + " ");
        html.open("a", "href", "#step-" + step.stepId())
                .element("code", step.stepId())
                .close("a")
                .close("strong");
        html.text(" (" + PhaseKey.of(step).label() + " " + step.phaseName() + "): " + point.reason() + ".")
                .close("p");
        html.element("p", RunbookText.POINT_OF_NO_RETURN).close("div").close("section");
    }

    private void gates() {
        html.open("section", "id", "gates").element("h2", "Go/no-go gates");
        List<Runbook.PhaseSteps> gated = book.gated();
        if (gated.isEmpty()) {
            html.element("p", "None: no phase declares a go/no-go gate.", "class", "none");
        } else {
            html.open("table").open("tr");
            html.element("th", "Phase").element("th", "Criteria").element("th", "Sign-off");
            html.element("th", "Decided before").close("tr");
            for (Runbook.PhaseSteps p : gated) {
                html.open("tr")
                        .open("td")
                        .element(
                                "a",
                                p.phase().label() + " " + p.phase().name(),
                                "href",
                                "#phase-" + p.phase().label())
                        .close("td");
                html.element("td", String.valueOf(p.phase().gate().criteria().size()))
                        .element("td", RunbookText.approvers(p.phase()))
                        .element("td", book.decidedBefore(p).orElse(Runbook.NEVER_ASKED))
                        .close("tr");
            }
            html.close("table");
        }
        html.close("section");
    }

    private void freezes() {
        html.open("section", "id", "freezes").element("h2", "Freeze windows");
        if (book.input().freezes().isEmpty()) {
            html.element("p", "None.", "class", "none").close("section");
            return;
        }
        html.open("table").open("tr");
        for (String h : new String[] {"Datastore", "Up to", "Begins at", "Released by", "Enforced by"}) {
            html.element("th", h);
        }
        html.close("tr");
        for (RunbookInput.Freeze f : book.input().freezes()) {
            html.open("tr").open("td").element("code", f.datastoreArn()).close("td");
            html.element("td", f.durationMinutes() + " min");
            html.open("td").element("code", f.beginsAtStepId()).close("td");
            html.open("td")
                    .element("code", f.releaseStepId() == null ? "no step" : f.releaseStepId())
                    .close("td");
            html.open("td").element("code", f.enforcementCommand() == null ? "" : f.enforcementCommand());
            html.close("td").close("tr");
        }
        html.close("table").close("section");
    }

    /** Owner teams and approvers with their contact; the one place that decides what a contact is. */
    private void communication() {
        html.open("section", "id", "communication")
                .element("h2", "Communication plan")
                .open("table");
        html.open("tr").element("th", "Team").element("th", "Contact").element("th", "Owns steps");
        html.element("th", "Signs gates").close("tr");
        for (Runbook.Team t : book.teams()) {
            html.open("tr").element("td", t.name());
            if (t.contact() == null) {
                html.element("td", RunbookText.NO_CONTACT, "class", "none");
            } else {
                html.element("td", t.contact());
            }
            html.element("td", String.valueOf(t.steps().size()))
                    .element("td", t.gates().isEmpty() ? "—" : String.join(", ", t.gates()))
                    .close("tr");
        }
        html.close("table").close("section");
    }

    private void verification() {
        html.open("section", "id", "verification").element("h2", "Post-cutover verification checklist");
        List<ExecutionStep> checks = book.verificationChecklist();
        if (checks.isEmpty()) {
            html.element("p", "No validation steps in the plan.", "class", "none")
                    .close("section");
            return;
        }
        html.open("ul", "class", "checklist");
        for (ExecutionStep s : checks) {
            html.open("li").open("a", "href", "#step-" + s.stepId()).element("code", s.stepId());
            html.close("a").text(": " + Objects.toString(s.description(), ""));
            RunbookText.check(s).ifPresent(check -> html.text(" Check: ").element("code", check));
            RunbookText.manual(s).ifPresent(text -> html.text(" By hand: " + text));
            html.close("li");
        }
        html.close("ul").close("section");
    }
}
