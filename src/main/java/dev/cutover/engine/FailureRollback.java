package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.policy.CommandRole;
import dev.cutover.shell.CommandResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollback the failure dialog offers (FORMATS.md §6.5), bound to its exact text before the question is asked:
 * its runtime parameters are resolved first, the dialog shows the text and its SHA-256, {@code rollback-approved}
 * records both, and only that text runs. Text that is not executable here stays a manual rollback, done by hand.
 */
final class FailureRollback {
    private final EngineContext ctx;
    private final ExecutionStep step;
    private final RuntimeValues stepValues;

    /**
     * Values asked for the rollback alone. They stay out of the step's own values: a Retry chosen in the same
     * dialog must run, poll and verify with the values it was approved with and the ids its execute captures,
     * never with a value the operator typed for the rollback.
     */
    private final Map<String, String> asked = new LinkedHashMap<>();

    private RuntimeValues values;
    private ApprovedCommand command;

    FailureRollback(EngineContext ctx, ExecutionStep step, RuntimeValues stepValues) {
        this.ctx = ctx;
        this.step = step;
        this.stepValues = stepValues;
        this.values = stepValues.copy();
    }

    /**
     * Binds the rollback for the dialog about to be shown: the step's values as they are now (a retry may have
     * captured more), then values asked earlier in this dialog, then the operator is asked for the rest with the
     * rules execute's parameters follow. A manual rollback is not bound: nothing runs, so nothing is asked yet.
     */
    void bind() {
        values = stepValues.copy();
        asked.forEach((name, value) -> {
            if (!values.has(name)) {
                values.put(name, value);
            }
        });
        command = null;
        String template = step.rollbackCmd();
        if (template.isEmpty() || !executable(values.substitute(template))) {
            return;
        }
        for (String name : values.open(template)) {
            String value = StepRun.ask(ctx, step, name, values);
            values.put(name, value);
            asked.put(name, value);
        }
        String text = values.substitute(template);
        command = executable(text) ? ApprovedCommand.of(text) : null;
    }

    boolean offered() {
        return !step.rollbackCmd().isEmpty();
    }

    /** The dialog's rollback lines: the exact command and its SHA-256, the manual text, or none offered. */
    void describe(StringBuilder p) {
        if (command != null) {
            p.append("  rollback command (exact, sha256 ")
                    .append(command.sha256())
                    .append("):\n    ")
                    .append(command.text());
            return;
        }
        p.append("  rollback: ").append(offered() ? step.rollbackCmd() : "none offered");
        if (offered()) {
            p.append("\n    (not executable here: choosing a rollback option means you do it by hand)");
        }
    }

    /** Journals the operator's choice of a rollback option, bound to the exact command it runs. */
    void approved(String answerNotes) {
        if (command == null) {
            ctx.journal().event(step, JournalEvent.ROLLBACK_APPROVED, answerNotes);
            return;
        }
        String binding = "sha256=" + command.sha256() + "; values=" + values.toJsonFor(step.rollbackCmd());
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.ROLLBACK_APPROVED)
                        .withCmd(command.text())
                        .withNotes(StepRun.join(binding, answerNotes)));
    }

    /** Runs the approved command (or records the manual rollback); false when the command failed. */
    boolean run() {
        if (command == null) {
            recordManual();
            return true;
        }
        String text = command.require(values.substitute(step.rollbackCmd()), step.stepId());
        CommandResult r = ctx.commands().run(step, "rollback", text);
        ctx.journal()
                .command(step, JournalEvent.ROLLBACK_EXECUTED, text, r, r.exitCode() == 0 ? null : "rollback failed");
        ctx.notifications().rollbackExecuted(step, r.exitCode());
        return r.exitCode() == 0;
    }

    /** A manual rollback is done by hand; its parameters are asked only now, to record the text that was meant. */
    private void recordManual() {
        for (String name : values.open(step.rollbackCmd())) {
            String value = StepRun.ask(ctx, step, name, values);
            values.put(name, value);
            asked.put(name, value);
        }
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.ROLLBACK_EXECUTED)
                        .withCmd(values.substitute(step.rollbackCmd()))
                        .withNotes("manual"));
        ctx.notifications().rollbackExecuted(step, null);
    }

    private boolean executable(String text) {
        return ctx.lint().check(text, CommandRole.WRITE).executable();
    }
}
