package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.policy.CommandFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollback dialog every failure opens (FORMATS.md §6.5); it is never skipped. Options: retry (at most three
 * per step), run rollback and continue, run rollback and stop, skip rollback and stop, abort without rollback.
 * A runnable rollback is shown and approved as its exact command ({@link FailureRollback}); a rollback text that
 * is not executable becomes "rollback done manually"; after a failed rollback the dialog returns without retry.
 */
final class FailureDialog {
    static final int MAX_RETRIES = 3;

    /**
     * Rollback attempts offered for one failure. A fixed answer (an answers file's `failure * rollback-stop`) would
     * otherwise ask again and re-run a failing rollback forever, filling the journal and the disk.
     */
    static final int MAX_ROLLBACK_ATTEMPTS = 3;

    private static final ErrorAnalysis ANALYSIS = ErrorAnalysis.load();

    /** The operator's decision, mapped to what the walk does next. */
    enum Decision {
        RETRY,
        CONTINUE,
        STOP,
        ABORT;

        StepOutcome outcome(ExecutionStep step) {
            return switch (this) {
                case CONTINUE -> new StepOutcome.FailedContinue();
                case STOP -> new StepOutcome.Stop(RunEnding.halted("operator stopped after a failure", step.stepId()));
                case ABORT ->
                    new StepOutcome.Stop(RunEnding.aborted("operator aborted after a failure", step.stepId()));
                case RETRY -> throw new IllegalStateException("retry is handled by the step");
            };
        }
    }

    /** Why a step failed: the reason journaled on {@code step-failed} and the failing command's stderr tail. */
    record Failure(String reason, String stderrTail) {}

    private final EngineContext ctx;
    private final ExecutionStep step;
    private final FailureRollback rollback;
    private final Instant startedAt;
    private int retries;

    FailureDialog(EngineContext ctx, ExecutionStep step, RuntimeValues values, int retriesUsed) {
        this.ctx = ctx;
        this.step = step;
        this.rollback = new FailureRollback(ctx, step, values);
        this.startedAt = ctx.clock().instant();
        this.retries = retriesUsed;
    }

    Decision decide(Failure failure) {
        ErrorAnalysis.Analysis analysis = analyse(failure);
        ctx.journal().event(step, JournalEvent.STEP_FAILED, failure.reason() + "; analysis: " + analysis.category());
        ctx.notifications().stepFailed(step, failure.reason());
        // Parameters are asked before the dialog, so the question shows the exact command an approval runs.
        rollback.bind();
        ctx.journal()
                .event(step, JournalEvent.ROLLBACK_OFFERED, step.rollbackCmd().isEmpty() ? "no rollback" : null);
        int rollbacksFailed = 0;
        while (true) {
            Answer a = ctx.approver().ask(question(failure, rollbacksFailed));
            switch (a.choice()) {
                case RETRY -> {
                    retries++;
                    ctx.journal().event(step, JournalEvent.APPROVED, StepRun.join("retry", a.notes()));
                    return Decision.RETRY;
                }
                case ROLLBACK_CONTINUE, ROLLBACK_STOP -> {
                    rollback.approved(a.notes());
                    if (!rollback.run()) {
                        rollbacksFailed++;
                        continue;
                    }
                    return a.choice() == Choice.ROLLBACK_CONTINUE ? Decision.CONTINUE : Decision.STOP;
                }
                case SKIP_ROLLBACK_STOP -> {
                    ctx.journal().event(step, JournalEvent.ROLLBACK_SKIPPED, a.notes());
                    return Decision.STOP;
                }
                default -> {
                    ctx.journal().event(step, JournalEvent.ABORTED, StepRun.join("abort without rollback", a.notes()));
                    return Decision.ABORT;
                }
            }
        }
    }

    private Question question(Failure failure, int rollbacksFailed) {
        List<Choice> choices = new ArrayList<>();
        if (retries < MAX_RETRIES && rollbacksFailed == 0) {
            choices.add(Choice.RETRY);
        }
        if (rollback.offered() && rollbacksFailed < MAX_ROLLBACK_ATTEMPTS) {
            choices.add(Choice.ROLLBACK_CONTINUE);
            choices.add(Choice.ROLLBACK_STOP);
        }
        choices.add(Choice.SKIP_ROLLBACK_STOP);
        choices.add(Choice.ABORT_NO_ROLLBACK);
        return Question.choose(
                PromptKind.FAILURE, step.stepId(), text(failure, rollbacksFailed), choices.toArray(Choice[]::new));
    }

    /** The failure classified, naming the profile the operator knows rather than its variable. */
    private ErrorAnalysis.Analysis analyse(Failure failure) {
        RunContextHeader h = ctx.prompts().header();
        String profile = CommandFacts.firstAwsProfile(step.executeCmd())
                .map(v -> v.equals("$MIGRATION_SOURCE_PROFILE") ? h.sourceProfile() : h.targetProfile())
                .orElse(null);
        return ANALYSIS.classify(failure.stderrTail(), profile);
    }

    private String text(Failure failure, int rollbacksFailed) {
        long elapsed = Duration.between(startedAt, ctx.clock().instant()).toMinutes();
        StringBuilder p = new StringBuilder(ctx.prompts().headerFor(step))
                .append("\nSTEP FAILED: ")
                .append(step.stepId())
                .append(" (")
                .append(step.plane());
        p.append(" plane)\n  ").append(step.description()).append('\n');
        p.append("  resource: ")
                .append(step.resourceArn())
                .append("  action: ")
                .append(step.action())
                .append('\n');
        p.append("  reason: ")
                .append(failure.reason())
                .append("  (stderr: ")
                .append(StepCommands.stderrLog(step))
                .append(")\n");
        stderrTail(p, failure.stderrTail());
        p.append(analyse(failure).render());
        rollback.describe(p);
        p.append("\n  rollback window: ")
                .append(window())
                .append(", elapsed since start: ")
                .append(elapsed);
        p.append(" min\n");
        if (step.irreversible()) {
            p.append("  IRREVERSIBLE step: a rollback may not restore the previous state.\n");
        }
        if (step.notes() != null) {
            p.append("  notes: ").append(step.notes()).append('\n');
        }
        if (rollbacksFailed >= MAX_ROLLBACK_ATTEMPTS) {
            p.append("  THE ROLLBACK FAILED ")
                    .append(rollbacksFailed)
                    .append(" TIMES; see the stderr log. It is no")
                    .append(" longer offered: roll back by hand if needed, then choose how to stop.\n");
        } else if (rollbacksFailed > 0) {
            p.append("  THE ROLLBACK FAILED (attempt ")
                    .append(rollbacksFailed)
                    .append(" of ")
                    .append(MAX_ROLLBACK_ATTEMPTS)
                    .append("); see the stderr log. Retry is no longer offered.\n");
        }
        return p.toString();
    }

    private static void stderrTail(StringBuilder p, String tail) {
        if (tail == null || tail.isBlank()) {
            return;
        }
        p.append("  stderr tail:\n");
        for (String line : tail.strip().split("\n", -1)) {
            p.append("    | ").append(line).append('\n');
        }
    }

    private String window() {
        return step.rollbackWindowMinutes() == null ? "none" : step.rollbackWindowMinutes() + " min";
    }
}
