package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.ParamRule;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.StepHistory;
import dev.cutover.journal.StepResumeState;
import dev.cutover.shell.CommandResult;
import dev.cutover.shell.PollStateParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step the last run left in flight or failed (FORMATS.md §6.7, ADR 0005). In flight: re-verified against the
 * live system before anything else — a long-running step polls its captured job once and re-attaches to it while
 * it runs; done ⇒ {@code resume-marked-done} without a prompt; not done ⇒ {@code resume-reprompted}. Failed or
 * aborted: the operator decides retry / skip / abort. A mutation runs again only after that explicit retry,
 * which the journal records as {@code approved} with notes {@code resume retry}.
 */
final class ResumedStep {
    /** The answer to a missing job id that says no job is known (the execute may never have started one). */
    static final String NO_JOB = "none";

    private final EngineContext ctx;
    private final ExecutionStep step;
    private final StepHistory history;
    private final RuntimeValues values;
    private final boolean background;
    private String jobStateSeenNow; // the poll state the re-verify saw, newer than anything in the journal

    /**
     * @param background the parallel walk: a job re-attached or started again here is handed back to be polled in
     *     the background ({@link StepOutcome.Started}) instead of being polled here until it ends
     */
    ResumedStep(EngineContext ctx, ExecutionStep step, StepHistory history, boolean background) {
        this.ctx = ctx;
        this.step = step;
        this.history = history;
        this.values = PriorRun.valuesOf(history);
        this.background = background;
    }

    /** Only for in-flight steps and steps that need a decision after their command was approved. */
    StepOutcome run() {
        Optional<RunEnding> expired = ctx.sso().ifDue(step, ctx);
        if (expired.isPresent()) {
            return new StepOutcome.Stop(expired.get());
        }
        if (history.state() == StepResumeState.IN_FLIGHT) {
            return reverify();
        }
        String ended = "the last run ended with " + history.lastEvent().wireName() + " at " + history.lastEventAt();
        if (history.unsettledRollbackAt().isPresent()) {
            // The failure dialog's rollback was approved and the run died before its outcome: nothing can check it.
            ended += ": the rollback the failure dialog approved at "
                    + history.unsettledRollbackAt().get()
                    + " may have run completely, partly or not at all (no outcome was recorded); check its effect"
                    + " by hand before you decide";
        }
        return reprompt(ended);
    }

    private StepOutcome reverify() {
        ctx.out()
                .println("RESUME " + step.stepId() + ": in flight when the last run ended ("
                        + history.lastEvent().wireName() + "); re-verifying against the live system");
        if (step.longRunning() && step.pollCmd() != null) {
            return reverifyJob();
        }
        return verifyOnce();
    }

    /** Polls the captured job once: done ⇒ verify; running ⇒ re-attach; ended badly or unknown id ⇒ ask. */
    private StepOutcome reverifyJob() {
        Optional<String> unknown = askMissingJobIds();
        if (unknown.isPresent()) {
            ctx.journal()
                    .event(
                            step,
                            JournalEvent.RESUME_REVERIFIED,
                            "no job to poll: {" + unknown.get() + "} was never captured and the operator knows none");
            return reprompt("no job id is known, so whether a job started cannot be checked");
        }
        String cmd = values.substitute(step.pollCmd());
        CommandResult r = ctx.commands().run(step, "poll", cmd);
        String state = PollStateParser.parse(r.stdoutHead(), r.exitCode());
        jobStateSeenNow = state;
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.RESUME_REVERIFIED)
                        .withCmd(cmd)
                        .withExitCode(r.exitCode())
                        .withTails(r.stdoutTail(), r.stderrTail())
                        .withPollState(state)
                        .withNotes("polled the captured job once: " + state));
        Optional<String> expiredNow = ctx.settings().awsAllowed() ? SsoProbe.expiry(r.stderrTail()) : Optional.empty();
        if (expiredNow.isPresent()) {
            return new StepOutcome.Stop(ctx.sso().expiredDuring(step, ctx, expiredNow.get(), cmd));
        }
        if (PollLoop.isOneOf(state, step.pollSuccessStates())) {
            return verifyOnce();
        }
        if (PollLoop.isOneOf(state, step.pollTerminalStates())) {
            return reprompt("the job ended in state " + state);
        }
        if (PollStateParser.UNKNOWN.equals(state)) {
            // Unreadable is not "running": the process may have died before the job ever started, and polling a
            // job that does not exist would only end in the unknown-state dialog. The operator decides.
            return reprompt(
                    "the job's state cannot be read (poll exit " + r.exitCode() + "); it may never have started");
        }
        ctx.out().println("RESUME " + step.stepId() + ": the job is still " + state + "; re-attaching (no new job)");
        return execution(0).reattach(approvedCommand(), background);
    }

    /**
     * Asks for each id the poll needs that no execute captured (the operator may read it from the console or
     * {@code execution/<step>.stdout.log}); returns the first one the operator answered {@value #NO_JOB} for.
     */
    private Optional<String> askMissingJobIds() {
        for (String name : values.open(step.pollCmd())) {
            String prompt = "Step " + step.stepId() + " was in flight when the last run ended, but its {" + name
                    + "} was never recorded, so Cutover cannot tell whether a job started.\n"
                    + "  Look in " + StepCommands.stdoutLog(step) + " or the console for it and enter it, or enter "
                    + NO_JOB + " if no job was started (you then choose retry / skip / abort).\n";
            ParamRule rule = new ParamRule(
                    name,
                    v -> NO_JOB.equals(v)
                            || RuntimeValues.rule(name, ctx.runDir().root()).test(v),
                    "need " + RuntimeValues.ruleText(name) + ", or " + NO_JOB);
            String value = ctx.approver()
                    .ask(Question.value(step.stepId(), prompt, rule))
                    .value();
            if (NO_JOB.equals(value)) {
                return Optional.of(name);
            }
            values.put(name, value);
        }
        return Optional.empty();
    }

    private StepOutcome verifyOnce() {
        Verification.Check c = new Verification(ctx, step, values).check();
        ctx.journal()
                .command(
                        step,
                        JournalEvent.RESUME_REVERIFIED,
                        c.cmd(),
                        c.result(),
                        c.passed() ? "verify passed" : "verify failed: " + c.failure());
        // A verify that failed because the token expired says nothing about the live system: halt like the poll
        // above (FORMATS.md §6.3), because the resume question's retry would run the mutation a second time.
        Optional<String> expired = c.passed() || !ctx.settings().awsAllowed()
                ? Optional.empty()
                : SsoProbe.expiry(c.result().stderrTail());
        if (expired.isPresent()) {
            return new StepOutcome.Stop(ctx.sso().expiredDuring(step, ctx, expired.get(), c.cmd()));
        }
        if (!c.passed()) {
            return reprompt("re-verify: " + c.failure() + " (the step has not taken effect, or not fully)");
        }
        ctx.journal().event(step, JournalEvent.RESUME_MARKED_DONE, "re-verified against the live system");
        // A freeze's begin step marked done froze its datastore even if the journal never saw its execute end.
        ctx.freezes()
                .executed(
                        step.stepId(),
                        history.lastStartedAt().orElse(ctx.clock().instant()));
        ctx.freezes().succeeded(step.stepId());
        ctx.out().println("RESUME " + step.stepId() + ": done (re-verified), not run again");
        return new StepOutcome.Succeeded();
    }

    /** {@code resume-reprompted}, then retry / skip / abort; nothing runs again without that retry. */
    private StepOutcome reprompt(String why) {
        ctx.journal().event(step, JournalEvent.RESUME_REPROMPTED, why);
        for (String name : values.open(step.executeCmd())) {
            values.put(name, StepRun.ask(ctx, step, name, values));
        }
        ApprovedCommand command = command();
        boolean reattach = reattachOnRetry();
        int retries = history.retries();
        Answer a = ctx.approver().ask(question(command, why, retries, reattach));
        Optional<StepOutcome> declined = StepRun.declined(ctx, step, a, " at resume");
        if (declined.isPresent()) {
            return declined.get();
        }
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.APPROVED)
                        .withCmd(command.text())
                        .withNotes(StepRun.join(
                                StepRun.join(
                                        "sha256=" + command.sha256() + "; resume retry",
                                        StepRun.confirmationsDue(ctx, step)),
                                a.notes())));
        Optional<StepOutcome> notConfirmed = StepRun.secondConfirmations(ctx, step);
        if (notConfirmed.isPresent()) {
            return notConfirmed.get();
        }
        StepExecution execution = execution(1);
        return reattach ? execution.reattach(command, background) : execution.run(command, background);
    }

    /**
     * A retry re-attaches (no second job) when the job the step captured was last seen in a state that is not
     * terminal: it may still run. A job that ended, or no job at all, needs the command run again.
     */
    private boolean reattachOnRetry() {
        return step.longRunning()
                && step.pollCmd() != null
                && values.open(step.pollCmd()).isEmpty()
                && !history.capturedValues().isEmpty()
                && Optional.ofNullable(jobStateSeenNow)
                        .or(history::lastPollState)
                        .map(s -> !PollLoop.isOneOf(s, step.pollTerminalStates()))
                        .orElse(true);
    }

    private Question question(ApprovedCommand command, String why, int retries, boolean reattach) {
        String text = ctx.prompts()
                        .approval(
                                step,
                                command,
                                null,
                                ctx.freezes().describe(ctx.clock().instant()),
                                PollLoop.interval(step, ctx.settings()))
                + "RESUME DECISION for " + step.stepId() + ": " + why + "\n"
                + "  retries used: " + retries + " of " + FailureDialog.MAX_RETRIES + "\n"
                + (reattach
                        ? "  retry re-attaches to the job it started (" + history.capturedValues() + "); no new job\n"
                        : "  retry runs the command above again\n");
        List<Choice> choices = new ArrayList<>();
        if (retries < FailureDialog.MAX_RETRIES) {
            choices.add(Choice.RETRY);
        }
        if (!step.handoff()) {
            choices.add(Choice.SKIP); // the handoff is never skipped (FORMATS.md §4.9)
        }
        choices.add(Choice.ABORT);
        return Question.choose(PromptKind.RESUME, step.stepId(), text, choices.toArray(Choice[]::new));
    }

    private ApprovedCommand command() {
        return ApprovedCommand.of(values.substitute(step.executeCmd()));
    }

    /**
     * The text the journal shows approved last, not one rebuilt from the plan: a re-attached job continues that
     * approval, and the failure dialog's retry may run only that text ({@link ApprovedCommand#require}). Only a
     * journal without an approval bound to a command (an upstream executor's) falls back to the rebuilt text.
     */
    private ApprovedCommand approvedCommand() {
        return history.lastBoundApproval().map(e -> ApprovedCommand.of(e.cmd())).orElseGet(this::command);
    }

    private StepExecution execution(int retriesNow) {
        return new StepExecution(ctx, step, values, history.retries() + retriesNow);
    }
}
