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
        return new Check(cmd, r, failure(step, r).orElse(null));
    }

    /**
     * Why {@code r}, a run of {@code step}'s verify command, does not pass (FORMATS.md §4.5): a non-zero exit, a
     * missed success pattern, or for a poll-derived verify a state that is not a success state; empty when it
     * passes. Gate criteria judge their linked step's verify by the same rule.
     */
    static Optional<String> failure(ExecutionStep step, CommandResult r) {
        if (r.exitCode() != 0) {
            return Optional.of("verify exited " + r.exitCode());
        }
        if (pollDerived(step)) {
            boolean success =
                    PollLoop.isOneOf(PollStateParser.parse(r.stdoutHead(), r.exitCode()), step.pollSuccessStates());
            return success ? Optional.empty() : Optional.of("poll state is not a success state");
        }
        boolean matches = step.verifySuccessPattern() == null
                || VerifyMatcher.matches(step.verifySuccessPattern(), r.stdoutHead());
        return matches ? Optional.empty() : Optional.of("output does not match " + step.verifySuccessPattern());
    }

    private static boolean pollDerived(ExecutionStep step) {
        return step.longRunning()
                && step.verifySuccessPattern() == null
                && step.verifyCmd().equals(step.pollCmd());
    }
}
