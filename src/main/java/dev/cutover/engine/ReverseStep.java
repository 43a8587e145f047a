package dev.cutover.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.StepHistory;
import dev.cutover.policy.CommandRole;
import dev.cutover.shell.CommandResult;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One succeeded step unwound by {@code cutover rollback}: {@code rollback-offered}; at an irreversible step or
 * the point of no return, a separate confirmation of its manual procedure (run-level {@code approved}, or the
 * rollback stops); then its exact rollback command approved ({@code rollback-approved}, bound to its SHA-256),
 * run, checked ({@link UndoCheck}) and journaled ({@code rollback-executed}), or left in place
 * ({@code rollback-skipped}). Continuing a stopped rollback picks the step up where the journal left it; a
 * rollback approved without a recorded outcome is re-checked before anything runs again.
 */
final class ReverseStep {
    /** The first attempt and three retries, as in the failure dialog. */
    static final int MAX_ATTEMPTS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALUES = "values=";

    private final EngineContext ctx;
    private final ExecutionStep step;
    private final ReverseRollbacks done;
    private final String position;
    private final RuntimeValues values;
    private final RollbackPrompts prompts;

    ReverseStep(
            EngineContext ctx, ExecutionStep step, ReverseRollbacks done, Optional<StepHistory> history, String pos) {
        this.ctx = ctx;
        this.step = step;
        this.done = done;
        this.position = pos;
        this.values = valuesOf(history, done.step(step.stepId()).flatMap(ReverseRollbacks.Step::lastApproval));
        this.prompts = new RollbackPrompts(
                ctx, values, history.flatMap(StepHistory::lastBoundApproval).map(JournalEntry::cmd));
    }

    /**
     * The values a step's rollback is built from: the step's own runtime values and captured ids, then those its
     * last {@code rollback-approved} recorded (a stopped rollback continues with exactly the text approved).
     */
    static RuntimeValues valuesOf(Optional<StepHistory> history, Optional<JournalEntry> lastApproval) {
        RuntimeValues values = history.map(PriorRun::valuesOf).orElseGet(RuntimeValues::new);
        lastApproval.ifPresent(approval -> restoreValues(values, approval));
        return values;
    }

    /** Empty when the walk goes on to the next (earlier) step; else how the rollback stops. */
    Optional<RunEnding> run() {
        ReverseRollbacks.State state = done.stateOf(step.stepId());
        if (state == ReverseRollbacks.State.UNDONE || state == ReverseRollbacks.State.REMAINS) {
            ctx.out()
                    .println((state == ReverseRollbacks.State.UNDONE ? "ROLLED BACK " : "REMAINS ") + step.stepId()
                            + " (journaled earlier)");
            return Optional.empty();
        }
        if (state == ReverseRollbacks.State.NOT_STARTED) {
            ctx.journal()
                    .event(
                            step,
                            JournalEvent.ROLLBACK_OFFERED,
                            ReverseRollbacks.PREFIX + ": offered"
                                    + (step.rollbackCmd().isEmpty() ? "; no rollback command" : ""));
        }
        Optional<RunEnding> unconfirmed = confirmManualProcedure();
        if (unconfirmed.isPresent()) {
            return unconfirmed;
        }
        if (step.rollbackCmd().isEmpty()) {
            return remains(
                    "no rollback command in the plan; undo it by hand if it must be undone" + freezeHint(), null);
        }
        int attempts =
                done.step(step.stepId()).map(ReverseRollbacks.Step::attempts).orElse(0);
        return switch (state) {
            case APPROVED -> inFlight(attempts);
            case FAILED -> afterFailure(approvedCommand(), attempts, lastFailure());
            default -> approveAndRun();
        };
    }

    private Optional<RunEnding> confirmManualProcedure() {
        boolean point = ctx.prompts().noReturn().isThePoint(step);
        if ((!step.irreversible() && !point) || done.manualConfirmed(step.stepId())) {
            return Optional.empty();
        }
        String why = step.irreversible() ? "irreversible step" : "the point of no return";
        Answer a = ctx.approver()
                .ask(Question.choose(
                        PromptKind.IRREVERSIBLE,
                        step.stepId(),
                        prompts.manualProcedure(step, why),
                        Choice.APPROVE,
                        Choice.ABORT));
        if (a.choice() != Choice.APPROVE) {
            return stop("its manual procedure was not confirmed (" + why + ")", a.notes());
        }
        ctx.journal()
                .runLevel(
                        JournalEvent.APPROVED,
                        StepRun.join(ReverseRollbacks.CONFIRMED + step.stepId() + " (" + why + ")", a.notes()));
        return Optional.empty();
    }

    private Optional<RunEnding> approveAndRun() {
        for (String name : values.open(step.rollbackCmd())) {
            values.put(name, StepRun.ask(ctx, step, name, values));
        }
        ApprovedCommand command = ApprovedCommand.of(values.substitute(step.rollbackCmd()));
        boolean manual = !ctx.lint().check(command.text(), CommandRole.WRITE).executable();
        Answer a = ctx.approver()
                .ask(Question.choose(
                        PromptKind.ROLLBACK,
                        step.stepId(),
                        prompts.approval(step, command, manual, position),
                        Choice.APPROVE,
                        Choice.SKIP,
                        Choice.ABORT));
        if (a.choice() == Choice.SKIP) {
            return remains("left in place by the operator", a.notes());
        }
        if (a.choice() != Choice.APPROVE) {
            return stop("aborted by the operator", a.notes());
        }
        approved(command, "approved", a.notes());
        return execute(command, 1);
    }

    /** Runs the approved command and checks; on failure the operator retries, leaves the step or stops. */
    private Optional<RunEnding> execute(ApprovedCommand command, int attempt) {
        String text = command.require(values.substitute(step.rollbackCmd()), step.stepId());
        if (!ctx.lint().check(text, CommandRole.WRITE).executable()) {
            ctx.journal()
                    .append(ctx.journal()
                            .draft(step, JournalEvent.ROLLBACK_EXECUTED)
                            .withCmd(text)
                            .withNotes(
                                    ReverseRollbacks.UNDONE + " by hand (not executable here; the operator did it)"));
            ctx.out().println("ROLLED BACK " + step.stepId() + " by hand");
            ctx.notifications().rollbackExecuted(step, null);
            return Optional.empty();
        }
        CommandResult r = ctx.commands().run(step, "rollback", text);
        UndoCheck check = r.exitCode() == 0 ? UndoCheck.run(ctx, step, values) : null;
        boolean undone = check != null && check.undone();
        String detail = check == null ? "the rollback exited " + r.exitCode() : check.text();
        String notes = (undone ? ReverseRollbacks.UNDONE : ReverseRollbacks.FAILED) + "; " + detail;
        ctx.journal().command(step, JournalEvent.ROLLBACK_EXECUTED, text, r, notes);
        ctx.notifications().reverseRollback(step, undone, detail);
        if (undone) {
            ctx.out().println("ROLLED BACK " + step.stepId() + " (" + detail + ")");
            return Optional.empty();
        }
        return afterFailure(command, attempt, detail);
    }

    private Optional<RunEnding> afterFailure(ApprovedCommand command, int attempts, String why) {
        boolean retry = attempts < MAX_ATTEMPTS;
        Choice[] choices = retry
                ? new Choice[] {Choice.RETRY, Choice.SKIP, Choice.ABORT}
                : new Choice[] {Choice.SKIP, Choice.ABORT};
        Answer a = ctx.approver()
                .ask(Question.choose(PromptKind.ROLLBACK, step.stepId(), prompts.failed(step, why, retry), choices));
        if (a.choice() == Choice.RETRY) {
            approved(command, "retry", a.notes());
            return execute(command, attempts + 1);
        }
        if (a.choice() == Choice.SKIP) {
            return remains("the rollback did not undo it (" + why + ") and the operator left it", a.notes());
        }
        return stop("aborted by the operator after a failed rollback", a.notes());
    }

    /** Approved, no outcome journaled: re-check first, and run it again only if the operator says so. */
    private Optional<RunEnding> inFlight(int attempts) {
        ApprovedCommand command = approvedCommand();
        UndoCheck check = UndoCheck.run(ctx, step, values);
        if (check.applies() && check.undone()) {
            ctx.journal()
                    .append(ctx.journal()
                            .draft(step, JournalEvent.ROLLBACK_EXECUTED)
                            .withCmd(command.text())
                            .withNotes(ReverseRollbacks.UNDONE + "; re-checked after the last run stopped, not run"
                                    + " again; " + check.text()));
            ctx.out().println("ROLLED BACK " + step.stepId() + " (re-checked: " + check.text() + ")");
            return Optional.empty();
        }
        Answer a = ctx.approver()
                .ask(Question.choose(
                        PromptKind.ROLLBACK,
                        step.stepId(),
                        prompts.inFlight(step, command.text(), check.text()),
                        Choice.RETRY,
                        Choice.SKIP,
                        Choice.ABORT));
        if (a.choice() == Choice.RETRY) {
            approved(command, "approved again after the re-check", a.notes());
            return execute(command, attempts + 1);
        }
        if (a.choice() == Choice.SKIP) {
            return remains("its rollback was in flight and the operator left it (" + check.text() + ")", a.notes());
        }
        return stop("aborted by the operator at an in-flight rollback", a.notes());
    }

    private void approved(ApprovedCommand command, String what, String answerNotes) {
        ctx.journal()
                .append(ctx.journal()
                        .draft(step, JournalEvent.ROLLBACK_APPROVED)
                        .withCmd(command.text())
                        .withNotes(StepRun.join(
                                ReverseRollbacks.PREFIX + ": " + what + "; sha256=" + command.sha256() + "; " + VALUES
                                        + values.toJson(),
                                answerNotes)));
    }

    private Optional<RunEnding> remains(String why, String answerNotes) {
        ctx.journal()
                .event(
                        step,
                        JournalEvent.ROLLBACK_SKIPPED,
                        StepRun.join(ReverseRollbacks.REMAINS + "; " + why, answerNotes));
        ctx.out().println("REMAINS " + step.stepId() + ": " + why);
        return Optional.empty();
    }

    private Optional<RunEnding> stop(String why, String answerNotes) {
        ctx.journal()
                .runLevel(
                        JournalEvent.ABORTED,
                        StepRun.join(ReverseRollbacks.STOPPED + step.stepId() + ": " + why, answerNotes));
        return Optional.of(
                RunEnding.aborted("reverse rollback stopped at " + step.stepId() + ": " + why, step.stepId()));
    }

    /** A freeze is never released automatically (FORMATS.md §6.6): say which one stays and what releases it. */
    private String freezeHint() {
        StringBuilder hint = new StringBuilder();
        for (var w : ctx.freezes().begunBy(step.stepId())) {
            hint.append(" (the write freeze on ")
                    .append(w.datastoreArn())
                    .append(" stays until released by hand")
                    .append(w.releaseStepId() == null ? "" : ", as step " + w.releaseStepId() + " describes")
                    .append(')');
        }
        return hint.toString();
    }

    /** The command the journal shows approved last (a stopped rollback continues with exactly that text). */
    private ApprovedCommand approvedCommand() {
        JournalEntry approval = done.step(step.stepId())
                .flatMap(ReverseRollbacks.Step::lastApproval)
                .orElseThrow(() -> new IllegalStateException(step.stepId() + ": no rollback-approved to continue"));
        return ApprovedCommand.of(approval.cmd());
    }

    private String lastFailure() {
        String notes = done.step(step.stepId()).orElseThrow().last().notes();
        return notes.startsWith(ReverseRollbacks.FAILED + "; ")
                ? notes.substring(ReverseRollbacks.FAILED.length() + 2)
                : notes;
    }

    /** The values a rollback was approved with are in its {@code rollback-approved} notes as {@code values={…}}. */
    private static void restoreValues(RuntimeValues values, JournalEntry approval) {
        String notes = approval.notes();
        int at = notes.indexOf(VALUES);
        if (at < 0) {
            return;
        }
        int end = notes.indexOf("; ", at);
        String json = notes.substring(at + VALUES.length(), end < 0 ? notes.length() : end);
        try {
            Map<String, String> restored = JSON.readValue(json, new TypeReference<Map<String, String>>() {});
            restored.forEach((k, v) -> {
                if (!values.has(k)) {
                    values.put(k, v);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(approval.stepId() + ": rollback-approved values are not JSON: " + notes, e);
        }
    }
}
