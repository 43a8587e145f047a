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

    /** Empty when the verify passed; else why it failed. */
    Optional<FailureDialog.Failure> run() {
        for (String name : values.open(step.verifyCmd())) {
            values.put(name, StepRun.ask(ctx, step, name, values));
        }
        String cmd = values.substitute(step.verifyCmd());
        CommandResult r = ctx.commands().run(step, "verify", cmd);
        boolean passed = passed(r);
        String notes = passed ? null : reason(r);
        ctx.journal().command(step, passed ? JournalEvent.VERIFY_PASSED : JournalEvent.VERIFY_FAILED, cmd, r, notes);
        return passed ? Optional.empty() : Optional.of(new FailureDialog.Failure(notes, r.stderrTail()));
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
