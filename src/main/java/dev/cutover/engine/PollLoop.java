package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.PollIntervals;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.shell.CommandResult;
import dev.cutover.shell.PollStateParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Polls a long-running job until a terminal state (FORMATS.md §6.5): sleep, run the poll command, journal a
 * {@code poll-tick}; three consecutive unknown states ask retry/abort; there is no iteration cap. A progress
 * line (elapsed, last state, next poll) is printed while waiting. A poll command that runs longer than
 * {@code poll_timeout_seconds} is killed and counts as an unknown state, so a hung query cannot hold up the walk.
 */
final class PollLoop {
    static final int UNKNOWN_LIMIT = 3;
    static final int FLOOR_SECONDS = 10;

    private final EngineContext ctx;
    private final ExecutionStep step;
    private final RuntimeValues values;

    private final Duration interval;
    private final Instant started;
    private int unknowns;
    private boolean expiryRetried;
    private String lastState = "not polled yet";

    PollLoop(EngineContext ctx, ExecutionStep step, RuntimeValues values) {
        this.ctx = ctx;
        this.step = step;
        this.values = values;
        this.interval = interval(step, ctx.settings());
        this.started = ctx.clock().instant();
    }

    /** Failure, halt, or success (both empty). */
    record Result(FailureDialog.Failure failure, Optional<RunEnding> halt) {}

    /** Polls until a terminal state, sleeping the interval before each poll (the sequential walk). */
    Result run() {
        while (true) {
            sleep(interval);
            Optional<Result> done = pollOnce();
            if (done.isPresent()) {
                return done.get();
            }
        }
    }

    /**
     * One poll: run the poll command, journal the tick, and decide. Empty while the job is still running (or
     * after an expiry the first time, or unknown states the operator chose to keep polling through); the
     * background walk calls this each time the job's interval has passed.
     */
    Optional<Result> pollOnce() {
        String cmd = pollCommand();
        CommandResult r =
                ctx.commands().runWithTimeout(step, "poll", cmd, ctx.settings().pollTimeout());
        String state = PollStateParser.parse(r.stdoutHead(), r.exitCode());
        Optional<String> expired = ctx.settings().awsAllowed() ? SsoProbe.expiry(r.stderrTail()) : Optional.empty();
        EntryDraft tick = ctx.journal()
                .draft(step, JournalEvent.POLL_TICK)
                .withCmd(cmd)
                .withExitCode(r.exitCode())
                .withTails(r.stdoutTail(), r.stderrTail())
                .withPollState(state);
        ctx.journal()
                .append(
                        r.timedOut()
                                ? tick.withNotes("poll command timed out after "
                                        + PollIntervals.seconds(ctx.settings().pollTimeout())
                                        + " s (poll_timeout_seconds); its process tree was killed")
                                : tick);
        lastState = state;
        if (expired.isPresent()) {
            // The first expiry in a poll is retried once: a token refresh may be under way (FORMATS §6.3).
            if (expiryRetried) {
                return Optional.of(
                        new Result(null, Optional.of(ctx.sso().expiredDuring(step, ctx, expired.get(), cmd))));
            }
            expiryRetried = true;
            return Optional.empty();
        }
        progress(state);
        if (PollStateParser.UNKNOWN.equals(state)) {
            if (++unknowns >= UNKNOWN_LIMIT) {
                Optional<Result> stop = askAfterUnknowns();
                unknowns = 0;
                return stop;
            }
            return Optional.empty();
        }
        unknowns = 0;
        if (isOneOf(state, step.pollTerminalStates())) {
            return Optional.of(terminal(state, r));
        }
        return Optional.empty();
    }

    /** The wait between two polls of this job. */
    Duration interval() {
        return interval;
    }

    /** The state the last poll returned, for progress and status lines. */
    String lastState() {
        return lastState;
    }

    private Result terminal(String state, CommandResult r) {
        ctx.journal()
                .append(ctx.journal().draft(step, JournalEvent.POLL_TERMINAL).withPollState(state));
        if (isOneOf(state, step.pollSuccessStates())) {
            return new Result(null, Optional.empty());
        }
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.VERIFY_FAILED)
                        .withExitCode(r.exitCode())
                        .withPollState(state)
                        .withNotes("poll terminal state " + state));
        return new Result(new FailureDialog.Failure("poll terminal state " + state, r.stderrTail()), Optional.empty());
    }

    private Optional<Result> askAfterUnknowns() {
        String prompt = "Step " + step.stepId() + ": the poll returned no recognisable state " + UNKNOWN_LIMIT
                + " times in a row (see " + StepCommands.stderrLog(step) + ").\nRetry polling, or abort the run?\n";
        Answer a = ctx.approver()
                .ask(Question.choose(PromptKind.FAILURE, step.stepId(), prompt, Choice.RETRY, Choice.ABORT));
        if (a.choice() == Choice.RETRY) {
            ctx.journal().event(step, JournalEvent.APPROVED, StepRun.join("poll retry", a.notes()));
            return Optional.empty();
        }
        ctx.journal().event(step, JournalEvent.ABORTED, StepRun.join("aborted after unknown poll states", a.notes()));
        return Optional.of(
                new Result(null, Optional.of(RunEnding.aborted("operator aborted while polling", step.stepId()))));
    }

    private String pollCommand() {
        for (String name : values.open(step.pollCmd())) {
            values.put(name, StepRun.ask(ctx, step, name, values));
        }
        return values.substitute(step.pollCmd());
    }

    /** The wait between polls: cutover.yaml's override, else the step's interval with its floor. */
    static Duration interval(ExecutionStep step, EngineSettings settings) {
        Duration override = settings.pollIntervalOverride();
        if (override != null) {
            return override; // cutover.yaml validated its own floor per environment
        }
        int fromStep = step.pollIntervalSeconds() == null ? 60 : step.pollIntervalSeconds();
        return Duration.ofSeconds(Math.max(FLOOR_SECONDS, fromStep));
    }

    private void progress(String state) {
        long elapsed = Duration.between(started, ctx.clock().instant()).toSeconds();
        ctx.out()
                .println("  " + step.stepId() + ": polling " + elapsed + "s elapsed, last state " + state
                        + ", next poll in " + PollIntervals.seconds(interval) + " s");
        ctx.out().flush();
    }

    private void sleep(Duration d) {
        try {
            ctx.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling " + step.stepId(), e);
        }
    }

    static boolean isOneOf(String state, List<String> states) {
        String s = state.toLowerCase(Locale.ROOT);
        return states.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(s));
    }
}
