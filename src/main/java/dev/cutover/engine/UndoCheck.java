package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.shell.NoOpCommand;

/**
 * The check after a reverse rollback: the step's own verify command, run read-only, must no longer pass — the
 * effect it proved is gone. It does not apply where the verify cannot tell: a human step, a verify of {@code true},
 * or a long-running step's poll-derived verify (it reports the finished job, which stays finished).
 *
 * @param applies whether there was a check to run
 * @param undone whether the check shows the step's effect gone (true when no check applies)
 * @param text one line for the journal and the operator
 */
record UndoCheck(boolean applies, boolean undone, String text) {
    /** Runs the check for {@code step} with the step's runtime values (asking any the verify still needs). */
    static UndoCheck run(EngineContext ctx, ExecutionStep step, RuntimeValues values) {
        if (!applies(step)) {
            return new UndoCheck(false, true, "no check (" + whyNot(step) + ")");
        }
        Verification.Check c = new Verification(ctx, step, values).check();
        if (c.passed()) {
            return new UndoCheck(true, false, "check: the step's verify still passes (`" + c.cmd() + "`)");
        }
        return new UndoCheck(
                true, true, "check: the step's verify no longer passes (`" + c.cmd() + "` " + c.failure() + ")");
    }

    static boolean applies(ExecutionStep step) {
        return whyNot(step) == null;
    }

    private static String whyNot(ExecutionStep step) {
        if (step.human()) {
            return "a manual step";
        }
        if (step.verifyCmd().isBlank() || NoOpCommand.is(step.verifyCmd())) {
            return "the step's verify is `true`";
        }
        if (step.longRunning()
                && step.verifySuccessPattern() == null
                && step.verifyCmd().equals(step.pollCmd())) {
            return "the step's verify reads its job's state, which stays finished";
        }
        return null;
    }
}
