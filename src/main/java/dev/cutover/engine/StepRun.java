package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.ParamRule;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.CapturedIds;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.SecondConfirmations;
import dev.cutover.shell.CommandResult;
import java.util.List;
import java.util.Optional;

/**
 * One step's life (FORMATS.md §6.2): started, SSO probe, runtime parameters, preview, approval bound to the
 * exact command, irreversible re-confirmation, execute (with transient retry), poll, verify, and the failure
 * dialog. Every event is journaled before the side effect it precedes.
 */
final class StepRun {
    private final EngineContext ctx;
    private final ExecutionStep step;
    private final RuntimeValues values = new RuntimeValues();
    private final StepExecution execution;

    /** @param retriesUsed retries the journal already shows for this step (0 on a fresh run) */
    StepRun(EngineContext ctx, ExecutionStep step, int retriesUsed) {
        this.ctx = ctx;
        this.step = step;
        this.execution = new StepExecution(ctx, step, values, retriesUsed);
    }

    /**
     * @param background whether a long-running step's job, once started, is handed back to be polled in the
     *     background ({@link StepOutcome.Started}) instead of being polled here until it ends
     */
    StepOutcome run(boolean background) {
        ctx.journal().event(step, JournalEvent.STEP_STARTED);
        Optional<RunEnding> expired = ctx.sso().ifDue(step, ctx);
        if (expired.isPresent()) {
            return new StepOutcome.Stop(expired.get());
        }
        // Every runtime parameter of the step's commands is asked now, so the approval records them all;
        // only ids captured from the execute's output wait for it (FORMATS.md §4.3).
        askOpenParameters(step.executeCmd(), false);
        askOpenParameters(step.previewCmd(), false);
        askOpenParameters(step.verifyCmd(), true);
        askOpenParameters(step.pollCmd(), true);
        String previewTail = preview();
        ApprovedCommand command = ApprovedCommand.of(values.substitute(step.executeCmd()));
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.APPROVAL_REQUESTED)
                        .withCmd(command.text())
                        .withNotes(values.toJson()));
        Optional<StepOutcome> refused = approve(command, previewTail);
        if (refused.isPresent()) {
            return refused.get();
        }
        return execution.run(command, background);
    }

    private String preview() {
        if (step.previewCmd() == null || step.human()) {
            return null;
        }
        String cmd = values.substitute(step.previewCmd());
        CommandResult r = ctx.commands().run(step, "preview", cmd);
        ctx.journal()
                .command(
                        step, JournalEvent.PREVIEW_SHOWN, cmd, r, r.exitCode() == 0 ? null : "preview exited non-zero");
        return r.stdoutTail() + (r.exitCode() == 0 ? "" : "\n(preview exit " + r.exitCode() + ")");
    }

    /** Asks approval (and re-confirmation); returns an outcome only when the step does not run. */
    private Optional<StepOutcome> approve(ApprovedCommand command, String previewTail) {
        Question question = approvalQuestion(command, previewTail);
        Answer answer = ctx.approver().ask(question);
        Optional<StepOutcome> declined = declined(ctx, step, answer, "");
        if (declined.isPresent()) {
            return declined;
        }
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.APPROVED)
                        .withCmd(command.text())
                        .withNotes(
                                join(join("sha256=" + command.sha256(), confirmationsDue(ctx, step)), answer.notes())));
        return secondConfirmations(ctx, step);
    }

    /**
     * The notes part of an approval bound to the command that announces the confirmations still to come, so a
     * resume knows the command cannot have started before them ({@link SecondConfirmations}); null if none.
     */
    static String confirmationsDue(EngineContext ctx, ExecutionStep step) {
        return SecondConfirmations.dueNote(
                step.irreversible(), ctx.prompts().noReturn().isThePoint(step));
    }

    /**
     * The confirmations asked after the approval: an irreversible step's, then the point of no return's
     * crossing (both on the {@code irreversible} prompt, FORMATS.md §6.2's second confirmation); an outcome
     * only when the step does not run.
     */
    static Optional<StepOutcome> secondConfirmations(EngineContext ctx, ExecutionStep step) {
        Optional<StepOutcome> declined = reconfirmIrreversible(ctx, step);
        return declined.isPresent() ? declined : confirmCrossingPointOfNoReturn(ctx, step);
    }

    private static Optional<StepOutcome> confirmCrossingPointOfNoReturn(EngineContext ctx, ExecutionStep step) {
        if (!ctx.prompts().noReturn().isThePoint(step)) {
            return Optional.empty();
        }
        Answer again = ctx.approver()
                .ask(Question.choose(
                        PromptKind.IRREVERSIBLE,
                        step.stepId(),
                        ctx.prompts().pointOfNoReturn(step),
                        Choice.APPROVE,
                        Choice.SKIP,
                        Choice.ABORT));
        Optional<StepOutcome> declined = declined(ctx, step, again, " (at the point of no return)");
        if (declined.isPresent()) {
            return declined;
        }
        ctx.journal().event(step, JournalEvent.APPROVED, join(SecondConfirmations.POINT_OF_NO_RETURN, again.notes()));
        ctx.prompts().noReturn().crossed();
        ctx.notifications().pointOfNoReturnCrossed(step);
        return Optional.empty();
    }

    /** The second confirmation of an irreversible step; an outcome only when the step does not run. */
    private static Optional<StepOutcome> reconfirmIrreversible(EngineContext ctx, ExecutionStep step) {
        if (!step.irreversible()) {
            return Optional.empty();
        }
        Answer again = ctx.approver()
                .ask(Question.choose(
                        PromptKind.IRREVERSIBLE,
                        step.stepId(),
                        ctx.prompts().irreversible(step),
                        Choice.APPROVE,
                        Choice.SKIP,
                        Choice.ABORT));
        Optional<StepOutcome> declined = declined(ctx, step, again, " (at irreversible re-confirmation)");
        if (declined.isPresent()) {
            return declined;
        }
        ctx.journal().event(step, JournalEvent.APPROVED, join(SecondConfirmations.IRREVERSIBLE, again.notes()));
        return Optional.empty();
    }

    private Question approvalQuestion(ApprovedCommand command, String previewTail) {
        if (step.handoff()) {
            return Question.choose(
                    PromptKind.HANDOFF,
                    step.stepId(),
                    ctx.prompts().handoff(step, ctx.settings().handoffCriteria()),
                    Choice.APPROVE,
                    Choice.ABORT);
        }
        List<String> freezeLines = ctx.freezes().describe(ctx.clock().instant());
        String text = ctx.prompts()
                .approval(step, command, previewTail, freezeLines, PollLoop.interval(step, ctx.settings()));
        Optional<String> frozen = ctx.freezes().alreadyFrozenBy(step.stepId());
        if (frozen.isPresent()) {
            text += "  REFUSED TO RUN: " + frozen.get() + " is already frozen; only skip or abort.\n";
            return Question.choose(PromptKind.APPROVE, step.stepId(), text, Choice.SKIP, Choice.ABORT);
        }
        return Question.choose(PromptKind.APPROVE, step.stepId(), text, Choice.APPROVE, Choice.SKIP, Choice.ABORT);
    }

    /** Journals a skip or abort answer and returns its outcome; empty for any other answer. */
    static Optional<StepOutcome> declined(EngineContext ctx, ExecutionStep step, Answer answer, String where) {
        if (answer.choice() == Choice.SKIP) {
            ctx.journal().event(step, JournalEvent.SKIPPED, join("skipped by operator" + where, answer.notes()));
            return Optional.of(new StepOutcome.Skipped());
        }
        if (answer.choice() == Choice.ABORT) {
            ctx.journal().event(step, JournalEvent.ABORTED, join("aborted by operator" + where, answer.notes()));
            return Optional.of(new StepOutcome.Stop(RunEnding.aborted("operator aborted" + where, step.stepId())));
        }
        return Optional.empty();
    }

    /** Asks for every parameter {@code command} still needs, optionally leaving ids the execute will capture. */
    private void askOpenParameters(String command, boolean leaveCaptured) {
        if (command == null) {
            return;
        }
        for (String name : values.open(command)) {
            if (!leaveCaptured || !CapturedIds.isCaptured(name)) {
                values.put(name, ask(ctx, step, name, values));
            }
        }
    }

    static String ask(EngineContext ctx, ExecutionStep step, String name, RuntimeValues values) {
        ParamRule rule = new ParamRule(
                name, RuntimeValues.rule(name, ctx.runDir().root()), "need " + RuntimeValues.ruleText(name));
        String prompt =
                "Step " + step.stepId() + " needs a value for {" + name + "}: " + RuntimeValues.ruleText(name) + "\n";
        return ctx.approver().ask(Question.value(step.stepId(), prompt, rule)).value();
    }

    /** Joins journal notes with {@code "; "}, leaving out blank parts; null when both are blank. */
    static String join(String a, String b) {
        boolean noA = a == null || a.isBlank();
        boolean noB = b == null || b.isBlank();
        if (noA) {
            return noB ? null : b;
        }
        return noB ? a : a + "; " + b;
    }
}
