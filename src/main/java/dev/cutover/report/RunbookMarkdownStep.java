package dev.cutover.report;

import dev.cutover.compile.CapturedIds;
import dev.cutover.compile.ExecutionStep;
import java.util.List;

/** One step of {@code runbook.md}: what it does, who owns it, its exact commands and its checkpoints. */
final class RunbookMarkdownStep {
    private final Runbook book;
    private final StringBuilder md;

    RunbookMarkdownStep(Runbook book, StringBuilder md) {
        this.book = book;
        this.md = md;
    }

    void render(ExecutionStep step) {
        md.append("#### Step ")
                .append(book.sequence(step))
                .append(" of ")
                .append(book.input().steps().size())
                .append(": ")
                .append(MarkdownText.wholeCode(step.stepId()))
                .append(book.isPointOfNoReturn(step) ? " — POINT OF NO RETURN" : "")
                .append("\n\n");
        md.append(MarkdownText.wholeProse(step.description())).append("\n\n");
        facts(step);
        commands(step);
        List<String> notes = Runbook.notes(step);
        if (!notes.isEmpty()) {
            md.append("Notes:\n\n");
            notes.forEach(
                    n -> md.append("- ").append(MarkdownText.wholeProse(n)).append('\n'));
            md.append('\n');
        }
    }

    private void facts(ExecutionStep step) {
        md.append("- ").append(MarkdownText.wholeProse(RunbookText.facts(step))).append('\n');
        md.append("- Resource: ")
                .append(MarkdownText.wholeCode(step.resourceArn()))
                .append(" (")
                .append(MarkdownText.wholeProse(step.resourceType()))
                .append(")\n");
        if (!step.requires().isEmpty()) {
            md.append("- Runs after: ").append(codes(step.requires())).append('\n');
        }
        List<String> asked = CapturedIds.asked(step.runtimeParams());
        if (!asked.isEmpty()) {
            md.append("- Asked at run time: ").append(codes(asked)).append('\n');
        }
        List<String> captured = CapturedIds.captured(step.runtimeParams());
        if (!captured.isEmpty()) {
            md.append("- Captured from the execute's output (asked only if it is missing): ")
                    .append(codes(captured))
                    .append('\n');
        }
        if (step.irreversible()) {
            md.append("- **IRREVERSIBLE**: the prompt asks for a second confirmation\n");
        }
        book.pointOfNoReturn()
                .filter(p -> p.stepId().equals(step.stepId()))
                .ifPresent(p -> md.append("- **POINT OF NO RETURN**: ")
                        .append(MarkdownText.wholeProse(p.reason()))
                        .append('\n'));
        md.append('\n');
    }

    private void commands(ExecutionStep step) {
        if (step.human()) {
            md.append("Execute: ").append(RunbookText.HUMAN_EXECUTE).append("\n\n");
        } else if (RunbookText.checkOnly(step)) {
            md.append("Execute: ").append(RunbookText.CHECK_ONLY_EXECUTE).append("\n\n");
        } else {
            block("Execute:", step.executeCmd());
        }
        if (step.previewCmd() != null) {
            block("Preview (read-only, shown before approval):", step.previewCmd());
        }
        if (step.longRunning() && step.pollCmd() != null) {
            block("Checkpoint: poll " + MarkdownText.wholeProse(RunbookText.polling(step)) + ":", step.pollCmd());
        }
        if (RunbookText.pollDerivedVerify(step)) {
            md.append(RunbookText.POLL_DERIVED_VERIFY).append("\n\n");
        } else {
            RunbookText.check(step)
                    .ifPresent(check -> block(
                            "Checkpoint: verify (read-only)"
                                    + (step.verifySuccessPattern() == null
                                            ? ", must exit 0:"
                                            : ", must exit 0 and match "
                                                    + MarkdownText.wholeCode(step.verifySuccessPattern()) + ":"),
                            check));
        }
        if (step.rollbackCmd().isEmpty()) {
            md.append("Rollback: none offered.\n\n");
        } else {
            block("Rollback (" + MarkdownText.wholeProse(RunbookText.rollbackOrigin(step)) + "):", step.rollbackCmd());
        }
    }

    private void block(String label, String command) {
        md.append(label).append("\n\n").append(MarkdownText.codeBlock(command)).append('\n');
    }

    private static String codes(List<String> values) {
        return String.join(", ", values.stream().map(MarkdownText::wholeCode).toList());
    }
}
