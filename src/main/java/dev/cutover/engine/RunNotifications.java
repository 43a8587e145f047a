package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.input.Inputs;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.NotificationEntry;
import dev.cutover.notify.DeliveryOutcome;
import dev.cutover.notify.Notification;
import dev.cutover.notify.NotificationKind;
import dev.cutover.notify.NotificationSettings;
import dev.cutover.notify.Notifier;
import dev.cutover.notify.RunIdentity;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The walk's side of notifications (docs/notifications.md): builds each event from what the engine knows and
 * hands it to the {@link Notifier}, which delivers in the background and journals each outcome as a run-level
 * {@code notify} entry ({@link NotificationEntry}). Nothing here waits for the network or throws because of it.
 * A run that never started (declined at go/no-go) sends no end either.
 */
final class RunNotifications {
    private final Notifier notifier;
    private final RunIdentity run;
    private final Clock clock;
    private final String operator;
    private final Map<String, String> contacts;
    private boolean started;
    /** How the end names what ran: a cutover run, or its guided rollback. */
    private String subject = "Cutover run ";

    private RunNotifications(
            Notifier notifier, RunIdentity run, Clock clock, String operator, Map<String, String> contacts) {
        this.notifier = notifier;
        this.run = run;
        this.clock = clock;
        this.operator = operator;
        this.contacts = contacts;
    }

    /** Sends nothing (no webhooks configured, or a test that does not care). */
    static RunNotifications none() {
        return new RunNotifications(Notifier.none(), null, null, null, Map.of());
    }

    /** Starts delivery threads for the configured webhooks, journaling outcomes into {@code journal}. */
    static RunNotifications start(LoadedPlan plan, NotificationSettings settings, RunJournal journal, Clock clock) {
        if (plan.config().webhooks().isEmpty()) {
            return none();
        }
        Inputs in = plan.inputs();
        RunIdentity run = new RunIdentity(
                in.controlPlane().metadata().runId(),
                plan.config().environment().configName(),
                in.controlPlane().metadata().sourceAccountId(),
                in.controlPlane().metadata().targetAccountId());
        Map<String, String> contacts = new HashMap<>();
        plan.config().stakeholders().forEach(s -> contacts.putIfAbsent(s.team(), s.contact()));
        Notifier notifier = Notifier.start(plan.config().webhooks(), settings, o -> journal.append(entry(o)));
        return new RunNotifications(notifier, run, clock, journal.operator(), contacts);
    }

    private static EntryDraft entry(DeliveryOutcome o) {
        return new NotificationEntry(o.webhook(), o.kind().wireName(), o.delivered(), o.notes()).draft();
    }

    /** The operator said go: the maintenance window starts, or resumes. */
    void runStarted(boolean resumed, int steps) {
        started = true;
        send(
                NotificationKind.RUN_STARTED,
                null,
                null,
                resumed
                        ? "Maintenance window resumed: cutover run " + runId() + " continues from its journal"
                        : "Maintenance window started: cutover run " + runId() + " begins (" + steps + " steps)");
    }

    /** {@code cutover rollback} began unwinding the run: stakeholders hear of it like a window start. */
    void rollbackStarted(int steps) {
        started = true;
        subject = "Guided rollback of cutover run ";
        send(
                NotificationKind.RUN_STARTED,
                null,
                null,
                "Guided rollback started: cutover run " + runId() + " is being unwound, latest step first (" + steps
                        + " step(s))");
    }

    void gateSigned(ExecutionStep step, GateAnchors.Gate gate, String team) {
        send(
                NotificationKind.GATE_SIGNED,
                step.stepId(),
                null,
                "Go/no-go gate of " + gate.where() + " signed for team " + team + " by " + operator);
    }

    void gateRefused(ExecutionStep step, GateAnchors.Gate gate, String team) {
        send(
                NotificationKind.GATE_REFUSED,
                step.stepId(),
                null,
                "Go/no-go gate of " + gate.where() + " refused for team " + team + " by " + operator
                        + "; the run halts before the phase starts");
    }

    /** Exposed for the point-of-no-return confirmation (issue 5); the walk does not fire it yet. */
    void pointOfNoReturnCrossed(ExecutionStep step) {
        send(
                NotificationKind.POINT_OF_NO_RETURN_CROSSED,
                step.stepId(),
                null,
                "Point of no return crossed at step " + step.stepId() + ": rolling back is no longer possible or"
                        + " much more expensive from here");
    }

    void stepFailed(ExecutionStep step, String reason) {
        send(
                NotificationKind.STEP_FAILED,
                step.stepId(),
                null,
                "Step " + step.stepId() + " failed (" + reason + "); the operator decides: retry, rollback, skip or"
                        + " abort" + owner(step));
    }

    /** @param exitCode the rollback command's exit code, or null when it was done by hand */
    void rollbackExecuted(ExecutionStep step, Integer exitCode) {
        String how = exitCode == null
                ? "done by hand (recorded by the operator)"
                : exitCode == 0 ? "ran (exit 0)" : "FAILED (exit " + exitCode + ")";
        send(
                NotificationKind.ROLLBACK_EXECUTED,
                step.stepId(),
                null,
                "Rollback of step " + step.stepId() + " " + how + owner(step));
    }

    /** One step of {@code cutover rollback}: its rollback ran and undid it, or did not (with the check's words). */
    void reverseRollback(ExecutionStep step, boolean undone, String detail) {
        send(
                NotificationKind.ROLLBACK_EXECUTED,
                step.stepId(),
                null,
                "Rollback of step " + step.stepId() + (undone ? " undid it (" : " did NOT undo it (") + detail + ")"
                        + owner(step));
    }

    /** The run ended (only when it had started); the verdict and, for a halt, why. */
    private void runEnded(RunEnding ending) {
        if (!started) {
            return;
        }
        String verdict = ending.verdict().wireName();
        String why = ending.haltReason() == null ? "" : ": " + ending.haltReason();
        send(
                NotificationKind.RUN_ENDED,
                ending.haltStepId(),
                verdict,
                subject + runId() + " ended " + verdict.toUpperCase(Locale.ROOT) + why);
    }

    /**
     * Runs the walk, then sends its end and gives deliveries under way their bounded grace, journaling whatever is
     * still undelivered as failed — all before the caller journals {@code lock-released}. An unexpected error
     * stops delivery without journaling more, like a crash.
     */
    RunEnding around(Supplier<RunEnding> walk) {
        RunEnding ending;
        try {
            ending = walk.get();
        } catch (RuntimeException | Error e) {
            notifier.abandon();
            throw e;
        }
        runEnded(ending);
        notifier.finish();
        return ending;
    }

    private void send(NotificationKind kind, String stepId, String verdict, String message) {
        if (!notifier.active()) {
            return;
        }
        notifier.send(new Notification(run, kind, stepId, operator, clock.instant(), verdict, message));
    }

    private String runId() {
        return run == null ? "" : run.runId();
    }

    /** The step's owner team and, from the communication plan, who to reach there: who the news is for. */
    private String owner(ExecutionStep step) {
        if (step.ownerTeam() == null) {
            return "";
        }
        String contact = contacts.get(step.ownerTeam());
        return "; owner team " + step.ownerTeam() + (contact == null ? "" : " (contact " + contact + ")");
    }
}
