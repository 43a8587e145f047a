package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.shell.CommandResult;
import dev.cutover.shell.PollStateParser;
import dev.cutover.shell.VerifyMatcher;
import java.util.Optional;

/**
 * Runs a step's verify command (FORMATS.md §6.2, §4.5): passes on exit 0 and, when the step has one, a match of
 * its success pattern; a poll-derived verify passes when the poll state is a success state.
 */
final class Verification {
    private final EngineContext ctx;
    private final ExecutionStep step;
    private final RuntimeValues values;

    Verification(EngineContext ctx, ExecutionStep step, RuntimeValues values) {
        this.ctx = ctx;
        this.step = step;
        this.values = values;
    }

    /** One run of the verify command: what ran, its result, and why it failed (null when it passed). */
    record Check(String cmd, CommandResult result, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    /** Empty when the verify passed; else why it failed. Journals {@code verify-passed} or {@code verify-failed}. */
    Optional<FailureDialog.Failure> run() {
        return record(check());
    }

    /** Journals a check as {@code verify-passed} or {@code verify-failed}; empty when it passed, else why not. */
    Optional<FailureDialog.Failure> record(Check c) {
        ctx.journal()
                .command(
                        step,
                        c.passed() ? JournalEvent.VERIFY_PASSED : JournalEvent.VERIFY_FAILED,
                        c.cmd(),
                        c.result(),
                        c.failure());
        return c.passed()
                ? Optional.empty()
                : Optional.of(new FailureDialog.Failure(c.failure(), c.result().stderrTail()));
    }

    /** Runs the verify (asking any value it still needs) without journaling; resume journals it its own way. */
    Check check() {
        for (String name : values.open(step.verifyCmd())) {
            values.put(name, StepRun.ask(ctx, step, name, values));
        }
        String cmd = values.substitute(step.verifyCmd());
        CommandResult r = ctx.commands().run(step, "verify", cmd);
        return new Check(cmd, r, passed(r) ? null : reason(r));
    }

    private boolean passed(CommandResult r) {
        if (r.exitCode() != 0) {
            return false;
        }
        if (pollDerived()) {
            return PollLoop.isOneOf(PollStateParser.parse(r.stdoutHead(), r.exitCode()), step.pollSuccessStates());
        }
        return step.verifySuccessPattern() == null
                || VerifyMatcher.matches(step.verifySuccessPattern(), r.stdoutHead());
    }

    private boolean pollDerived() {
        return step.longRunning()
                && step.verifySuccessPattern() == null
                && step.verifyCmd().equals(step.pollCmd());
    }

    private String reason(CommandResult r) {
        if (r.exitCode() != 0) {
            return "verify exited " + r.exitCode();
        }
        return pollDerived()
                ? "poll state is not a success state"
                : "output does not match " + step.verifySuccessPattern();
    }
}
