package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import java.util.List;

/**
 * Renders {@code runbook.md}: the cutover as a document a coordinator reads before and during the window. Same
 * input, same bytes (LF, trailing newline, no clock). Planned text is shown whole; every piece of it is
 * backslash-escaped, a code span or a fenced block, so no input can add links, HTML or structure.
 */
public final class RunbookMarkdown {
    private final Runbook book;
    private final StringBuilder md = new StringBuilder(16384);

    private RunbookMarkdown(Runbook book) {
        this.book = book;
    }

    public static String render(RunbookInput input) {
        return new RunbookMarkdown(new Runbook(input)).document();
    }

    private String document() {
        md.append("# Cutover runbook: ")
                .append(MarkdownText.wholeProse(book.context().runId()))
                .append("\n\n");
        md.append(RunbookText.INTRO).append("\n\n");
        context();
        pointOfNoReturn();
        gates();
        freezes();
        communication();
        md.append("## Sequenced steps\n\n");
        book.phases().forEach(this::phase);
        new RunbookMarkdownRollback(book, md).render();
        verification();
        return md.toString().stripTrailing() + "\n";
    }

    private void context() {
        RunbookInput.Context c = book.context();
        md.append("## Run context\n\n");
        md.append("- Run id: ").append(MarkdownText.wholeCode(c.runId())).append('\n');
        md.append("- Environment: ")
                .append(MarkdownText.wholeProse(c.environment()))
                .append(c.environmentConfigured() ? " (cutover.yaml)" : " (default: no cutover.yaml)")
                .append('\n');
        md.append("- Accounts: source ")
                .append(MarkdownText.wholeCode(c.sourceAccountId()))
                .append(" → target ")
                .append(MarkdownText.wholeCode(c.targetAccountId()))
                .append('\n');
        md.append("- Checklists captured: ")
                .append(MarkdownText.wholeProse(String.join(", ", c.capturedAt())))
                .append('\n');
        md.append("- Plan: ")
                .append(book.input().steps().size())
                .append(" steps, estimated ")
                .append(Runbook.minutes(book.estimatedSeconds()))
                .append(" (sum of time boxes)\n");
        md.append("- execution-steps.json SHA-256: ")
                .append(MarkdownText.wholeCode(c.stepsSha256()))
                .append("\n\n");
    }

    private void pointOfNoReturn() {
        md.append("## Point of no return\n\n");
        if (book.pointOfNoReturn().isEmpty()) {
            md.append(RunbookText.NO_POINT_OF_NO_RETURN).append("\n\n");
            return;
        }
        PointOfNoReturn point = book.pointOfNoReturn().get();
        ExecutionStep step = point.step();
        md.append("**Step ")
                .append(book.sequence(step))
                .append(" ")
                .append(MarkdownText.wholeCode(step.stepId()))
                .append("** (")
                .append(PhaseKey.of(step).label())
                .append(" ")
                .append(MarkdownText.wholeProse(step.phaseName()))
                .append("): ")
                .append(MarkdownText.wholeProse(point.reason()))
                .append(".\n\n")
                .append(RunbookText.POINT_OF_NO_RETURN)
                .append("\n\n");
    }

    private void gates() {
        md.append("## Go/no-go gates\n\n");
        List<Runbook.PhaseSteps> gated = book.gated();
        if (gated.isEmpty()) {
            md.append("None: no phase declares a go/no-go gate.\n\n");
            return;
        }
        for (Runbook.PhaseSteps p : gated) {
            md.append("- **")
                    .append(p.phase().label())
                    .append(' ')
                    .append(MarkdownText.wholeProse(p.phase().name()))
                    .append("**: ")
                    .append(p.phase().gate().criteria().size())
                    .append(p.phase().gate().criteria().size() == 1 ? " criterion; " : " criteria; ")
                    .append(approvers(p.phase()))
                    .append("; ")
                    .append(MarkdownText.wholeProse(book.gateDecision(p)))
                    .append('\n');
        }
        md.append('\n');
    }

    private void freezes() {
        md.append("## Freeze windows\n\n");
        if (book.input().freezes().isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        for (RunbookInput.Freeze f : book.input().freezes()) {
            md.append("- ")
                    .append(MarkdownText.wholeCode(f.datastoreArn()))
                    .append(": writes frozen for up to ")
                    .append(f.durationMinutes())
                    .append(" min from ")
                    .append(MarkdownText.wholeCode(f.beginsAtStepId()))
                    .append(
                            f.releaseStepId() == null
                                    ? "; no step releases it"
                                    : " until " + MarkdownText.wholeCode(f.releaseStepId()))
                    .append(
                            f.enforcementCommand() == null
                                    ? ""
                                    : "; enforced by " + MarkdownText.wholeCode(f.enforcementCommand()))
                    .append('\n');
        }
        md.append('\n');
    }

    /** Owner teams and approvers with their contact; the one place that decides what a contact is. */
    private void communication() {
        md.append("## Communication plan\n\n| Team | Contact | Owns steps | Signs gates |\n|---|---|---|---|\n");
        for (Runbook.Team t : book.teams()) {
            md.append("| ")
                    .append(MarkdownText.wholeProse(t.name()))
                    .append(" | ")
                    .append(t.contact() == null ? RunbookText.NO_CONTACT : MarkdownText.wholeProse(t.contact()))
                    .append(" | ")
                    .append(t.steps().size())
                    .append(" | ")
                    .append(t.gates().isEmpty() ? "—" : String.join(", ", t.gates()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void phase(Runbook.PhaseSteps p) {
        md.append("### ")
                .append(p.phase().label())
                .append(' ')
                .append(MarkdownText.wholeProse(p.phase().name()))
                .append("\n\n");
        if (p.phase().description() != null) {
            md.append(MarkdownText.wholeProse(p.phase().description())).append("\n\n");
        }
        if (p.phase().gate() != null) {
            gate(p);
        }
        if (p.steps().isEmpty()) {
            md.append("No steps in this phase.\n\n");
        }
        p.steps().forEach(s -> new RunbookMarkdownStep(book, md).render(s));
    }

    private void gate(Runbook.PhaseSteps p) {
        RunbookInput.Phase phase = p.phase();
        boolean handoff = PhaseKey.HANDOFF.label().equals(phase.label());
        md.append("**")
                .append(handoff ? "Handoff criteria" : "Go/no-go gate")
                .append("**: ")
                .append(
                        handoff || !p.steps().isEmpty()
                                ? "decide before the first step of this phase."
                                : MarkdownText.wholeProse(book.gateDecision(p)) + ".")
                .append("\n\n");
        phase.gate()
                .criteria()
                .forEach(c ->
                        md.append("- [ ] ").append(MarkdownText.wholeProse(c)).append('\n'));
        md.append("\nSign-off: ").append(approvers(phase)).append(".\n\n");
    }

    private static String approvers(RunbookInput.Phase phase) {
        return MarkdownText.wholeProse(RunbookText.approvers(phase));
    }

    private void verification() {
        md.append("## Post-cutover verification checklist\n\n");
        List<ExecutionStep> checks = book.verificationChecklist();
        if (checks.isEmpty()) {
            md.append("No validation steps in the plan.\n\n");
            return;
        }
        for (ExecutionStep s : checks) {
            md.append("- [ ] ")
                    .append(MarkdownText.wholeCode(s.stepId()))
                    .append(": ")
                    .append(MarkdownText.wholeProse(s.description()));
            RunbookText.check(s).ifPresent(check -> md.append(" Check: ").append(MarkdownText.wholeCode(check)));
            RunbookText.manual(s).ifPresent(text -> md.append(" By hand: ").append(MarkdownText.wholeProse(text)));
            md.append('\n');
        }
        md.append('\n');
    }
}
