package dev.cutover.engine;

import dev.cutover.compile.CapturedIds;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.shell.CommandResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From an approved command to the step's outcome: execute (one automatic re-run for throttling), capture ids,
 * poll long-running jobs, verify, and on any failure the rollback dialog, whose Retry comes back here.
 */
final class StepExecution {
    private final EngineContext ctx;
    private final ExecutionStep step;
    private final RuntimeValues values;
    private final FailureDialog dialog;

    /**
     * @param retriesUsed retries this step already used (from the journal on resume), so the limit of three
     *     holds across runs
     */
    StepExecution(EngineContext ctx, ExecutionStep step, RuntimeValues values, int retriesUsed) {
        this.ctx = ctx;
        this.step = step;
        this.values = values;
        this.dialog = new FailureDialog(ctx, step, values, retriesUsed);
    }

    /**
     * Runs the approved command. In the parallel walk ({@code background}) a long-running step's job, once
     * started, is handed back as a {@link StepOutcome.Started} to be polled in the background; otherwise it is
     * polled here until it ends. A failed execute goes through the failure dialog here as usual.
     */
    StepOutcome run(ApprovedCommand command, boolean background) {
        if (!inBackground(background)) {
            return settle(command, attempt(command), false);
        }
        return executeOnly(command)
                .map(failed -> settle(command, failed, true))
                .orElseGet(() -> started(command, BackgroundJob.Origin.STARTED));
    }

    /**
     * Resume: the approved command's job is still running (its id is in {@code values}), so polling re-attaches
     * to it instead of starting a second one — in the background in the parallel walk; a Retry from the failure
     * dialog later re-executes as usual.
     */
    StepOutcome reattach(ApprovedCommand command, boolean background) {
        return inBackground(background)
                ? started(command, BackgroundJob.Origin.REATTACHED)
                : settle(command, afterExecute(), false);
    }

    /** A background job reached a terminal state (or halted): verify, and on failure the dialog, as usual. */
    StepOutcome afterBackgroundPoll(ApprovedCommand command, PollLoop.Result polled) {
        return settle(command, verified(polled), true);
    }

    ExecutionStep step() {
        return step;
    }

    private boolean inBackground(boolean background) {
        return background && step.longRunning();
    }

    private StepOutcome started(ApprovedCommand command, BackgroundJob.Origin origin) {
        return new StepOutcome.Started(new BackgroundJob(
                this, command, new PollLoop(ctx, step, values), ctx.clock().instant(), origin));
    }

    /**
     * From one attempt's result to the step's outcome; the dialog's Retry runs further attempts here. In the
     * parallel walk ({@code background}) a retry's job, once started again, goes back to the background like any
     * started job, so the other jobs go on being polled while it runs (and its own end is noticed like theirs).
     */
    private StepOutcome settle(ApprovedCommand command, Attempt first, boolean background) {
        Attempt attempt = first;
        while (true) {
            if (attempt.halt().isPresent()) {
                return new StepOutcome.Stop(attempt.halt().get());
            }
            if (attempt.failure() == null) {
                ctx.journal().event(step, JournalEvent.STEP_SUCCEEDED);
                ctx.freezes().succeeded(step.stepId());
                return new StepOutcome.Succeeded();
            }
            FailureDialog.Decision d = dialog.decide(attempt.failure());
            if (d != FailureDialog.Decision.RETRY) {
                return d.outcome(step);
            }
            if (!background) {
                attempt = attempt(command);
                continue;
            }
            Optional<Attempt> failed = executeOnly(command);
            if (failed.isEmpty()) {
                return started(command, BackgroundJob.Origin.RETRIED);
            }
            attempt = failed.get();
        }
    }

    /** One execute → poll → verify pass; a failure reason, a halt, or success (both empty). */
    private record Attempt(FailureDialog.Failure failure, Optional<RunEnding> halt) {
        static Attempt ok() {
            return new Attempt(null, Optional.empty());
        }

        static Attempt failed(FailureDialog.Failure failure) {
            return new Attempt(failure, Optional.empty());
        }

        static Attempt halted(RunEnding ending) {
            return new Attempt(null, Optional.of(ending));
        }
    }

    private Attempt attempt(ApprovedCommand command) {
        return executeOnly(command).orElseGet(this::afterExecute);
    }

    /** The execute, with one automatic re-run for throttling; a failed attempt, or empty when it exited 0. */
    private Optional<Attempt> executeOnly(ApprovedCommand command) {
        CommandResult r = execute(command, null);
        Optional<TransientErrors.Transient> transientError =
                r.exitCode() == 0 ? Optional.empty() : TransientErrors.classify(r.stderrTail());
        if (transientError.isPresent()) {
            ctx.out()
                    .println(step.stepId() + ": " + transientError.get().pattern() + "; re-running once in "
                            + transientError.get().backoff().toSeconds() + " s");
            sleep(transientError.get().backoff());
            r = execute(command, "transient retry after " + transientError.get().pattern());
        }
        if (r.exitCode() != 0) {
            return Optional.of(failedExecute(r, command.text()));
        }
        return Optional.empty();
    }

    /** Poll (long-running steps) and verify, once the execute ran or a resumed job is re-attached. */
    private Attempt afterExecute() {
        if (step.longRunning()) {
            return verified(new PollLoop(ctx, step, values).run());
        }
        return verify();
    }

    private Attempt verified(PollLoop.Result polled) {
        if (polled.halt().isPresent()) {
            return Attempt.halted(polled.halt().get());
        }
        if (polled.failure() != null) {
            return Attempt.failed(polled.failure());
        }
        return verify();
    }

    private Attempt verify() {
        Verification verification = new Verification(ctx, step, values);
        Verification.Check c = verification.check();
        Optional<String> expired = c.passed() || !ctx.settings().awsAllowed()
                ? Optional.empty()
                : SsoProbe.expiry(c.result().stderrTail());
        if (expired.isPresent()) {
            // A verify refused for expired credentials says nothing about the live system. Halting keeps the step
            // in flight, so a resume re-verifies it after the login; the failure dialog's Retry would run the
            // mutation a second time.
            return Attempt.halted(ctx.sso().expiredDuring(step, ctx, expired.get(), c.cmd()));
        }
        return verification.record(c).map(Attempt::failed).orElseGet(Attempt::ok);
    }

    private Attempt failedExecute(CommandResult r, String cmd) {
        Optional<String> expired = ctx.settings().awsAllowed() ? SsoProbe.expiry(r.stderrTail()) : Optional.empty();
        if (expired.isPresent()) {
            return Attempt.halted(ctx.sso().expiredDuring(step, ctx, expired.get(), cmd));
        }
        if (TransientErrors.terraformStateLock(r.stderrTail())) {
            ctx.out().println("Terraform state is locked by another process; Cutover never force-unlocks it.");
            ctx.out().println("  Lock info (stderr tail):\n" + r.stderrTail());
            ctx.out().println("  If the holder is certainly dead, an operator may run: terraform force-unlock <ID>");
        }
        return Attempt.failed(new FailureDialog.Failure("execute exited " + r.exitCode(), r.stderrTail()));
    }

    private CommandResult execute(ApprovedCommand command, String notes) {
        String text = command.require(values.substitute(step.executeCmd()), step.stepId());
        if (step.human()) {
            askCapturedForHumanStep();
        }
        CommandResult r = ctx.commands().run(step, "execute", text);
        Map<String, String> captured = step.human() ? Map.of() : CapturedOutputs.capture(r.stdoutHead());
        // This execute's ids replace earlier ones: a retry started a new job, and its poll and verify must follow
        // that job (as a resume does, replaying later captures over earlier ones). A name the execute command uses
        // itself keeps its value: it is part of the approved text.
        List<String> approved = values.namesIn(step.executeCmd());
        captured.forEach((k, v) -> {
            if (!approved.contains(k)) {
                values.put(k, v);
            }
        });
        String capturedNotes = CapturedOutputs.notes(step.human() ? capturedForHuman() : captured);
        ctx.journal().command(step, JournalEvent.EXECUTED, text, r, StepRun.join(notes, capturedNotes));
        if (r.exitCode() == 0) {
            ctx.freezes().executed(step.stepId(), r.endedAt());
        }
        return r;
    }

    /**
     * A human step's operator supplies the ids its poll and verify need once the action is done — again on a
     * retry, whose action started a new job (a name the execute command uses is part of the approved text).
     */
    private void askCapturedForHumanStep() {
        List<String> approved = values.namesIn(step.executeCmd());
        Set<String> names = new LinkedHashSet<>();
        for (String cmd : new String[] {step.pollCmd(), step.verifyCmd()}) {
            if (cmd != null) {
                names.addAll(values.namesIn(cmd));
            }
        }
        for (String name : names) {
            if (!values.has(name) || (CapturedIds.isCaptured(name) && !approved.contains(name))) {
                values.put(name, StepRun.ask(ctx, step, name, values));
            }
        }
    }

    private Map<String, String> capturedForHuman() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String cmd : new String[] {step.pollCmd(), step.verifyCmd()}) {
            if (cmd != null) {
                values.namesIn(cmd).stream().filter(values::has).forEach(n -> m.put(n, values.valueOf(n)));
            }
        }
        return m;
    }

    private void sleep(Duration d) {
        try {
            ctx.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-run " + step.stepId(), e);
        }
    }
}
