package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.List;

/** The rollback procedure of {@code runbook.md}: the unwinding order, then each migration-plan phase's rollback. */
final class RunbookMarkdownRollback {
    private final Runbook book;
    private final StringBuilder md;

    RunbookMarkdownRollback(Runbook book, StringBuilder md) {
        this.book = book;
        this.md = md;
    }

    void render() {
        md.append("## Rollback procedure\n\n").append(RunbookText.UNWIND).append("\n\n");
        md.append("### Unwinding order\n\n");
        List<ExecutionStep> unwind = book.unwindOrder();
        if (unwind.isEmpty()) {
            md.append("No step carries a rollback command.\n\n");
        }
        for (int i = 0; i < unwind.size(); i++) {
            ExecutionStep s = unwind.get(i);
            md.append(i + 1)
                    .append(". ")
                    .append(MarkdownText.wholeCode(s.stepId()))
                    .append(" (")
                    .append(MarkdownText.wholeProse(RunbookText.rollbackOrigin(s)))
                    .append(")")
                    .append(
                            book.atOrAfterPointOfNoReturn(s)
                                    ? " — **" + RunbookText.AFTER_POINT_OF_NO_RETURN + "**"
                                    : "")
                    .append("\n\n")
                    .append(MarkdownText.codeBlock(s.rollbackCmd()))
                    .append('\n');
        }
        md.append("### By migration-plan phase\n\n");
        if (book.input().rollbacks().isEmpty()) {
            md.append("The migration plan declares no rollback.\n\n");
        }
        book.input().rollbacks().forEach(this::planPhase);
    }

    private void planPhase(RunbookInput.PlanRollback r) {
        md.append("#### Plan phase ")
                .append(r.number())
                .append(' ')
                .append(MarkdownText.wholeProse(r.name()))
                .append(r.windowMinutes() == null ? "" : " (rollback window " + r.windowMinutes() + " min)")
                .append("\n\n");
        if (r.description() != null) {
            md.append(MarkdownText.wholeProse(r.description())).append("\n\n");
        }
        for (int i = 0; i < r.steps().size(); i++) {
            md.append("Step ")
                    .append(i + 1)
                    .append(":\n\n")
                    .append(MarkdownText.codeBlock(r.steps().get(i)))
                    .append('\n');
        }
        if (r.steps().isEmpty()) {
            md.append("No rollback steps.\n\n");
        }
        List<ExecutionStep> offering = book.offering(r);
        md.append(
                        offering.isEmpty()
                                ? "Offered on no step: run it by hand if this phase must be undone."
                                : "Step 1 is offered in the failure dialog of: "
                                        + String.join(
                                                ", ",
                                                offering.stream()
                                                        .map(s -> MarkdownText.wholeCode(s.stepId()))
                                                        .toList())
                                        + RunbookText.offeredOn(r))
                .append("\n\n");
    }
}
