package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import java.util.Optional;

/**
 * The text of every question {@code cutover rollback} asks. Like execute's approval prompt, the rollback prompt
 * shows exactly what runs (the command and its SHA-256), what it undoes, the check that follows and every
 * warning; the manual-procedure confirmation says why the step cannot simply be undone.
 */
final class RollbackPrompts {
    private final EngineContext ctx;
    private final RuntimeValues values;
    private final Optional<String> ran;

    /**
     * @param values the step's runtime values (shared with the step's rollback, so values asked later show too):
     *     commands are shown as they ran or will run, never as templates
     * @param ran the execute command the journal shows approved for the step, if any
     */
    RollbackPrompts(EngineContext ctx, RuntimeValues values, Optional<String> ran) {
        this.ctx = ctx;
        this.values = values;
        this.ran = ran;
    }

    String approval(ExecutionStep step, ApprovedCommand command, boolean manual, String position) {
        StringBuilder p = heading(step, "ROLL BACK " + step.stepId() + "  (" + position + ", latest first)");
        p.append("  it ran:   ")
                .append(step.human() ? "(manual step)" : ran.orElseGet(() -> values.substitute(step.executeCmd())))
                .append('\n');
        if (manual) {
            p.append("  MANUAL ROLLBACK: this text is not executable here; do it yourself, then approve once it is"
                    + " DONE:\n    ");
            p.append(command.text()).append('\n');
        } else {
            p.append("  rollback command (exact, sha256 ")
                    .append(command.sha256())
                    .append("):\n");
            p.append("    ").append(command.text()).append('\n');
            p.append("  then check (read-only): ")
                    .append(
                            UndoCheck.applies(step)
                                    ? "`" + values.substitute(step.verifyCmd()) + "` must no longer pass"
                                    : "none for this step")
                    .append('\n');
        }
        window(p, step);
        p.append("  approve runs it; skip leaves the step as it is (it remains, and the report says so);"
                + " abort stops the rollback here (run `cutover rollback` again to continue).\n");
        return p.toString();
    }

    String manualProcedure(ExecutionStep step, String why) {
        StringBuilder p = heading(step, "CONFIRM THE MANUAL PROCEDURE of " + step.stepId() + " (" + why + ")");
        p.append("  A command alone does not undo this step. Before unwinding it and every step before it,\n"
                + "  carry out (or arrange) its manual procedure:\n");
        p.append("    rollback: ")
                .append(
                        step.rollbackCmd().isEmpty()
                                ? "none offered by the plan"
                                : values.substitute(step.rollbackCmd()))
                .append('\n');
        if (step.notes() != null) {
            p.append("    notes: ")
                    .append(step.notes().replace("\n", "\n           "))
                    .append('\n');
        }
        window(p, step);
        p.append("  approve confirms the procedure and continues the rollback; abort stops it here.\n");
        return p.toString();
    }

    String failed(ExecutionStep step, String why, boolean retryOffered) {
        StringBuilder p = heading(step, "ROLLBACK OF " + step.stepId() + " DID NOT UNDO IT");
        p.append("  ")
                .append(why)
                .append("  (stderr: ")
                .append(StepCommands.stderrLog(step))
                .append(")\n");
        p.append(
                retryOffered
                        ? "  retry runs the same approved command again; skip leaves the step (it remains);"
                                + " abort stops the rollback here.\n"
                        : "  The rollback was tried " + ReverseStep.MAX_ATTEMPTS + " times: skip leaves the step"
                                + " (it remains); abort stops the rollback here.\n");
        return p.toString();
    }

    String inFlight(ExecutionStep step, String cmd, String check) {
        StringBuilder p = heading(step, "ROLLBACK OF " + step.stepId() + " WAS IN FLIGHT when the last run stopped");
        p.append("  approved: ").append(cmd).append('\n');
        p.append("  its outcome was never recorded; ").append(check).append('\n');
        p.append("  retry runs the approved command again; skip leaves the step (it remains); abort stops here.\n");
        return p.toString();
    }

    private StringBuilder heading(ExecutionStep step, String title) {
        StringBuilder p = new StringBuilder(ctx.prompts().header().line()).append('\n');
        p.append(title).append('\n');
        p.append("  ").append(step.description()).append('\n');
        p.append("  resource: ")
                .append(step.resourceArn())
                .append("  action: ")
                .append(step.action())
                .append("  owner: ")
                .append(step.ownerTeam() == null ? "(none)" : step.ownerTeam())
                .append('\n');
        if (step.irreversible()) {
            p.append("  IRREVERSIBLE step: its rollback may not restore the previous state.\n");
        }
        return p;
    }

    private static void window(StringBuilder p, ExecutionStep step) {
        if (step.rollbackWindowMinutes() != null) {
            p.append("  rollback window: ").append(step.rollbackWindowMinutes()).append(" min\n");
        }
    }
}
