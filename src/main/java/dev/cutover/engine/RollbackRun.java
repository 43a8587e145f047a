package dev.cutover.engine;

import dev.cutover.approval.Approver;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalWriter;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.journal.StepHistory;
import dev.cutover.journal.StepResumeState;
import java.util.List;
import java.util.Optional;

/**
 * {@code cutover rollback} with the run lock held: the run's journal (refused when missing, damaged or torn), the
 * plan it ran (refused on drift), who answers (same rules as execute), the profiles and identity probes, then the
 * reverse walk appended to the same journal. Sign-offs and staleness are not checked: the plan already ran, and a
 * rollback must stay possible however old the inputs are.
 */
final class RollbackRun {
    private final CutoverEngine engine;
    private final ExecuteRequest request;
    private final String operator;
    private final AcquiredLock lock;

    RollbackRun(CutoverEngine engine, ExecuteRequest request, String operator, AcquiredLock lock) {
        this.engine = engine;
        this.request = request;
        this.operator = operator;
        this.lock = lock;
    }

    RunResult run(PlanSource source) {
        JournalContents previous = new JournalGate(request.runDir()).existing();
        InterruptedCommands.requireNoneRunning(request.runDir());
        // The same places as execute's check 3: a rollback writes step logs, the journal, the lock and the reports.
        Preflight.writableRunDirectory(request.runDir());
        PreflightRun shared = new PreflightRun(engine, request, operator, lock);
        LoadedPlan plan = source.load();
        // The run keeps the class it started under, exactly as --resume: relabelling cutover.yaml (production to
        // sandbox) must not let another class's rules (an answers file) run a production run's rollbacks.
        StartedEnvironment.of(previous.entries()).requireSameAs(plan.config().environment());
        StoredPlan.require(request.runDir().stepsFile(), plan.stepsJson());
        ReverseRollbacks done = ReverseRollbacks.of(previous.entries());
        RunState state = new RunStateReplayer().replay(previous.entries());
        if (!done.started()) {
            requireNoStepInFlight(state);
        }
        ReverseApprovalDrift.require(plan.plan().steps(), done, state);
        StoredPlan.requireStartedWith(plan.stepsJson(), previous.entries());
        if (done.succeededInOrder().isEmpty()) {
            throw new CutoverException(
                    ErrorCode.NOTHING_TO_ROLL_BACK,
                    "no step succeeded in " + request.runDir().journalFile() + ", so there is nothing to roll back");
        }
        // The same environment guardrails as execute: what the declared class forbids is refused before any
        // cloud call, and the accounts the identity probes confirm are cross-checked against the org's classes.
        EnvironmentGuard guard = EnvironmentGuard.load(request, plan, PipelineGate.Purpose.ROLLBACK);
        guard.refuse(guard.declared());
        StepCommands commands = shared.commands();
        Preflight checks = new Preflight(engine.clock(), commands);
        Preflight.requireProfiles(plan, request);
        checks.identity(plan.inputs(), plan.config(), plan.allowed().allowsAws(), ExecutionStep.RUN_LEVEL_STEP_ID);
        Approver approver = shared.guarded(guard, commands, engine.approver(request, guard));
        RunJournal journal =
                new RunJournal(JournalWriter.openExisting(request.runDir().journalFile(), engine.clock()), operator);
        PriorRun prior = PriorRun.of(state);
        prior.seed(journal);
        done.succeededInOrder().forEach(id -> seedReverse(journal, id, done.stateOf(id)));
        lock.commit();
        journal.runLevel(
                lock.takenOverFrom().isPresent() ? JournalEvent.LOCK_TAKEN_OVER_FROM_STALE : JournalEvent.LOCK_ACQUIRED,
                StepRun.join(
                        StepRun.join(
                                StepRun.join(engine.sessionNote(), "cutover rollback"),
                                PreflightRun.pipelineNote(request)),
                        PreflightRun.environmentAndPlanNote(plan)
                                + lock.takenOverFrom()
                                        .map(l -> "; taken over from " + l.describe())
                                        .orElse("")));
        EngineContext ctx = shared.context(plan, commands, checks, approver, journal, prior);
        RunEnding ending =
                ctx.notifications().around(() -> walkOrHalt(ctx, plan.plan().steps(), done, state));
        // The lock itself is released by the engine once the end-of-run files are written.
        CutoverEngine.releaseEvent(journal);
        journal.close();
        return new RunResult(
                ending,
                plan.plan(),
                shared.warnings(),
                checks.skippedChecks(),
                null,
                plan.inputs().dataPlane().freezeWindows());
    }

    /**
     * A forward step whose command may have run without a recorded outcome would be left out of the unwind (only
     * steps that succeeded are rolled back), and so would a failed step whose failure-dialog rollback was approved
     * but never recorded an outcome (it may have run completely, partly or not at all): refused before anything is
     * journaled, naming the steps. Only {@code execute --resume} can settle either (re-verify, or the operator's
     * retry / skip / abort), and it cannot once a reverse rollback has started. Checked only before the first
     * rollback session, so a rollback already under way can always be continued.
     */
    private void requireNoStepInFlight(RunState state) {
        List<String> inFlight = state.steps().values().stream()
                .map(RollbackRun::unsettled)
                .flatMap(Optional::stream)
                .toList();
        if (!inFlight.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.ROLLBACK_STEP_IN_FLIGHT,
                    "in " + request.runDir().journalFile() + ", " + String.join(", ", inFlight)
                            + (inFlight.size() == 1 ? " was" : " were")
                            + " in flight when the run stopped: a command may have run, and the journal does not say"
                            + " what it did. Run `cutover execute --run-dir "
                            + request.runDir().root()
                            + " --resume` first (it re-verifies a step in flight, and asks you to retry, skip or abort"
                            + " a step whose rollback has no outcome), then `cutover rollback` again.");
        }
    }

    /** The step as the refusal names it, when the journal leaves a command of it without an outcome. */
    private static Optional<String> unsettled(StepHistory h) {
        if (h.state() == StepResumeState.IN_FLIGHT) {
            return Optional.of(
                    h.stepId() + " (last event " + h.lastEvent().wireName() + " at " + h.lastEventAt() + ")");
        }
        if (h.unsettledRollbackAt().isPresent()) {
            return Optional.of(h.stepId() + " (its failure-dialog rollback was approved at "
                    + h.unsettledRollbackAt().get() + " and has no recorded outcome)");
        }
        return Optional.empty();
    }

    /** When the operator's channel fails nothing was decided for them: halted, and a re-run continues. */
    private RunEnding walkOrHalt(EngineContext ctx, List<ExecutionStep> steps, ReverseRollbacks done, RunState state) {
        ReverseWalk walk = new ReverseWalk(ctx, done, state);
        try {
            return walk.walk(steps);
        } catch (CutoverException e) {
            if (e.code() != ErrorCode.NO_SCRIPTED_ANSWER && e.code() != ErrorCode.OPERATOR_INPUT_CLOSED) {
                throw e;
            }
            engine.out().println("HALT: " + e.getMessage());
            return RunEnding.halted(e.getMessage(), walk.currentStepId());
        }
    }

    /** Where a step's reverse rollback stands, so the lifecycle checks this session's events like any other. */
    private static void seedReverse(RunJournal journal, String stepId, ReverseRollbacks.State state) {
        switch (state) {
            case NOT_STARTED -> {
                // stays SUCCEEDED, as the forward replay seeded it
            }
            case OFFERED -> journal.seed(stepId, StepLifecycle.State.REVERSE_OFFERED);
            case APPROVED -> journal.seed(stepId, StepLifecycle.State.REVERSE_ROLLING_BACK);
            case UNDONE, FAILED -> journal.seed(stepId, StepLifecycle.State.REVERSE_ROLLED_BACK);
            case REMAINS -> journal.seed(stepId, StepLifecycle.State.REVERSE_REMAINS);
        }
    }
}
