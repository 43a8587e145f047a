package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Approver;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import dev.cutover.journal.PipelineSessions;
import dev.cutover.journal.PlanDigest;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One execution from check 3 on: load, checks 4–7, journal, lock file, go/no-go, walk, clean end; fresh or
 * continuing a journal ({@code --resume}).
 */
final class PreflightRun {
    private final CutoverEngine engine;
    private final ExecuteRequest request;
    private final String operator;
    private final AcquiredLock lock;
    private final List<String> warnings = new ArrayList<>();
    /** The environment cross-check's verdict, once pre-flight reached it. */
    private EnvironmentVerdict environment;

    PreflightRun(CutoverEngine engine, ExecuteRequest request, String operator, AcquiredLock lock) {
        this.engine = engine;
        this.request = request;
        this.operator = operator;
        this.lock = lock;
    }

    RunResult run(PlanSource source) {
        Preflight.writableRunDirectory(request.runDir());
        LoadedPlan plan;
        try {
            plan = source.load();
        } catch (CutoverException e) {
            return failed(null, "check 3 (inputs)", e);
        }
        StepCommands commands = commands();
        Preflight checks = new Preflight(engine.clock(), commands);
        Approver approver;
        try {
            // Who answers comes first: what the declared environment class forbids (--answers, a looser
            // --approval, direct mutation of a pipeline-only class) or no terminal to ask is refused before any
            // other check (and before check 6 makes a single cloud call).
            EnvironmentGuard guard = EnvironmentGuard.load(request, plan);
            guard.refuse(guard.declared());
            approver = engine.approver(request, guard);
            checks.runAll(plan, request, guard.declared(), operator);
            approver = guarded(guard, commands, approver);
            checks.rehearsal(plan, environment);
            writeStepsFile(plan);
        } catch (CutoverException e) {
            return failed(plan, e.getMessage().startsWith("check") ? "" : "pre-flight", e);
        }
        collectWarnings(plan, checks);
        // The journal exists before the lock file: a crash between the two leaves a run that --resume continues,
        // never a lock file without a journal (which neither a fresh run nor --resume could get past).
        RunJournal journal = new RunJournal(
                JournalWriter.create(request.runDir().journalFile(), metadata(plan.inputs()), engine.clock()),
                operator);
        return walk(plan, commands, checks, approver, new Start(journal, PriorRun.none(), null));
    }

    /**
     * {@code --resume} (ADR 0005): the same checks 3–7, the stored plan must be what the inputs compile to now
     * and give every approved step the command its approval bound to ({@link ApprovalDrift}), then the journal is
     * replayed and continued. A refusal here changes nothing: it throws before the journal
     * is opened for writing, and the last run's report stays as it was.
     */
    RunResult resume(PlanSource source, JournalContents previous) {
        requireNotRolledBack(request.runDir(), previous.entries());
        InterruptedCommands.requireNoneRunning(request.runDir());
        Preflight.writableRunDirectory(request.runDir());
        LoadedPlan plan = source.load();
        StepCommands commands = commands();
        Preflight checks = new Preflight(engine.clock(), commands)
                .continuingRun(previous.entries(), plan.config().environment());
        EnvironmentGuard guard = EnvironmentGuard.load(request, plan);
        guard.refuse(guard.declared());
        Approver approver = engine.approver(request, guard);
        checks.runAll(plan, request, guard.declared(), operator);
        approver = guarded(guard, commands, approver);
        RunState replayed = requireApprovedPlan(request.runDir(), plan, previous.entries());
        collectWarnings(plan, checks);
        PriorRun prior = PriorRun.of(replayed);
        RunJournal journal =
                new RunJournal(JournalWriter.openExisting(request.runDir().journalFile(), engine.clock()), operator);
        prior.seed(journal);
        String writtenBy = previous.metadata().pluginVersion();
        return walk(plan, commands, checks, approver, new Start(journal, prior, writtenBy));
    }

    /**
     * Check 2 for continuing a run forward, shared by {@code execute --resume} and {@code preflight --resume}: a run
     * whose reverse rollback has started can only be unwound further.
     *
     * @throws CutoverException {@link ErrorCode#RUN_ROLLED_BACK}
     */
    static void requireNotRolledBack(RunDirectory dir, List<JournalEntry> entries) {
        if (ReverseRollbacks.of(entries).started()) {
            throw new CutoverException(
                    ErrorCode.RUN_ROLLED_BACK,
                    "check 2: this run is being rolled back (`cutover rollback` journaled its start), so it cannot"
                            + " be resumed forward. Continue the rollback with `cutover rollback --run-dir "
                            + dir.root() + "`, or cut over again from a new run directory.");
        }
    }

    /**
     * The environment cross-check after the identity probes (docs/environments.md): refuses a mismatch or what
     * the class found forbids, keeps its warnings, and returns the approver the class allows.
     */
    Approver guarded(EnvironmentGuard guard, StepCommands commands, Approver approver) {
        environment = guard.classify(commands);
        guard.refuse(environment);
        warnings.addAll(guard.warnings(environment));
        return guard.approver(environment, approver, engine.out());
    }

    /** How this execution begins: its journal, what earlier runs did, and the journal's tool version. */
    private record Start(RunJournal journal, PriorRun prior, String journalVersion) {}

    StepCommands commands() {
        return new StepCommands(
                request.runDir(), CutoverEngine.runner(engine.clock()), CutoverEngine.childEnvironment(request));
    }

    private void collectWarnings(LoadedPlan plan, Preflight checks) {
        warnings.addAll(checks.warnings());
        plan.plan().warnings().forEach(w -> warnings.add(w.render()));
        warnings.addAll(plan.allowed().warnings());
    }

    private RunResult walk(LoadedPlan plan, StepCommands commands, Preflight checks, Approver approver, Start start) {
        RunJournal journal = start.journal();
        lock.commit();
        journal.runLevel(
                lock.takenOverFrom().isPresent() ? JournalEvent.LOCK_TAKEN_OVER_FROM_STALE : JournalEvent.LOCK_ACQUIRED,
                StepRun.join(
                        StepRun.join(engine.sessionNote(), pipelineNote(request)),
                        StepRun.join(lockNotes(checks.acceptedStaleFiles()), environmentAndPlanNote(plan))));
        EngineContext ctx = context(plan, commands, checks, approver, journal, start.prior());
        RunEnding ending = ctx.notifications().around(() -> walkOrHalt(ctx, checks, plan, start));
        // The lock itself is released by the engine once the end-of-run files are written.
        if (!ending.keepLock()) {
            CutoverEngine.releaseEvent(journal);
        }
        journal.close();
        return new RunResult(
                ending,
                plan.plan(),
                warnings,
                checks.skippedChecks(),
                null,
                plan.inputs().dataPlane().freezeWindows());
    }

    /**
     * Go/no-go and the walk. When the operator's channel fails (no scripted answer, terminal closed) nothing
     * was decided for them: the run ends halted, cleanly, and resumes from the journal. Any other exception
     * propagates with the lock file kept, exactly like a crash.
     */
    private RunEnding walkOrHalt(EngineContext ctx, Preflight checks, LoadedPlan plan, Start start) {
        List<ExecutionStep> steps = plan.plan().steps();
        StepWalker walker = new StepWalker(ctx, start.prior());
        try {
            return confirmToolVersion(ctx, start.journalVersion())
                    .or(() -> new GoNoGo(
                                    ctx,
                                    warnings,
                                    checks.skippedChecks(),
                                    start.prior().summary(steps))
                            .ask(steps))
                    .orElseGet(() -> {
                        // The operator said go: the maintenance window starts (or resumes) now.
                        ctx.notifications().runStarted(start.prior().isResume(), steps.size());
                        return walker.walk(steps);
                    });
        } catch (CutoverException e) {
            if (e.code() == ErrorCode.IO_FAILURE) {
                return haltOnIoFailure(e, walker.currentStepId());
            }
            if (e.code() != ErrorCode.NO_SCRIPTED_ANSWER && e.code() != ErrorCode.OPERATOR_INPUT_CLOSED) {
                throw e;
            }
            engine.out().println("HALT: " + e.getMessage());
            return RunEnding.halted(e.getMessage(), walker.currentStepId());
        }
    }

    /**
     * A file the walk needs could not be written (a full disk, a step log folder that is a file): the walk
     * stops where it is, as after a crash — the lock file stays, and the step in flight is re-verified by
     * {@code --resume}, never run again blindly — but with a halted verdict and a report when the disk still
     * takes them, instead of an internal error.
     */
    private RunEnding haltOnIoFailure(CutoverException e, String stepId) {
        engine.out().println("HALT: " + e.getMessage());
        engine.out()
                .println("  " + ErrorCode.IO_FAILURE.fix() + " The lock is kept: continue with `cutover execute"
                        + " --run-dir " + request.runDir().shellWord() + " --resume`.");
        return new RunEnding(Verdict.HALTED, "I/O failure: " + e.getMessage(), stepId, true);
    }

    /**
     * FORMATS.md §6.7: a journal written by another Cutover version is continued only after the operator
     * confirms it (run-level {@code approved}/{@code aborted}, notes naming the question).
     */
    private Optional<RunEnding> confirmToolVersion(EngineContext ctx, String journalVersion) {
        String mine = request.toolVersion();
        if (journalVersion == null || mine == null || journalVersion.equals(mine)) {
            return Optional.empty();
        }
        String question = "continue a journal written by Cutover " + journalVersion + " with Cutover " + mine;
        Answer a = ctx.approver()
                .ask(Question.choose(
                        PromptKind.RESUME,
                        ExecutionStep.RUN_LEVEL_STEP_ID,
                        ctx.prompts().header().line() + "\nThis run's journal was written by Cutover " + journalVersion
                                + "; this is Cutover " + mine + ". Steps were compiled identically (checked), but"
                                + " prompts and checks may differ.\nContinue the run with this version?\n",
                        Choice.APPROVE,
                        Choice.ABORT));
        if (a.choice() == Choice.APPROVE) {
            ctx.journal().runLevel(JournalEvent.APPROVED, StepRun.join("resume confirmation: " + question, a.notes()));
            return Optional.empty();
        }
        ctx.journal().runLevel(JournalEvent.ABORTED, StepRun.join("resume declined: " + question, a.notes()));
        return Optional.of(RunEnding.aborted("operator declined to " + question, null));
    }

    EngineContext context(
            LoadedPlan plan,
            StepCommands commands,
            Preflight checks,
            Approver approver,
            RunJournal journal,
            PriorRun prior) {
        Inputs in = plan.inputs();
        GateAnchors gates = plan.gates();
        EngineSettings settings = new EngineSettings(
                plan.config().pollInterval().orElse(null),
                plan.config().pollTimeout(),
                in.controlPlane().handoffCriteria(),
                gates,
                plan.allowed().allowsAws(),
                plan.config().approvers(),
                request.maxParallelJobs());
        RunContextHeader header = new RunContextHeader(
                in.controlPlane().metadata().runId(),
                environment.rulesOf(),
                request.sourceProfile(),
                request.targetProfile(),
                in.controlPlane().metadata().sourceAccountId() + " -> "
                        + in.controlPlane().metadata().targetAccountId(),
                new RunContextHeader.Reach(
                        in.dataMigrationPlan().metadata().targetRegion(),
                        RunContextHeader.blastRadius(plan.plan().steps())));
        SsoProbe sso = new SsoProbe(probes(plan), prior.lastSsoSuccess(checks.now()), resumeCommand());
        FreezeTracker freezes = new FreezeTracker(in.dataPlane().freezeWindows());
        prior.restoreFreezes(freezes, in.dataPlane().freezeWindows());
        return new EngineContext(
                request.runDir(),
                engine.clock(),
                engine.sleeper(),
                approver,
                engine.out(),
                journal,
                commands,
                new Prompts(header, new NoReturnNotice(plan.plan().steps(), prior)),
                freezes,
                sso,
                CutoverEngine.lint(plan),
                settings,
                RunNotifications.start(plan, engine.notificationSettings(), journal, engine.clock()));
    }

    private List<String> probes(LoadedPlan plan) {
        List<String> probes = new ArrayList<>();
        if (plan.allowed().allowsAws()) {
            probes.add(Preflight.SOURCE_PROBE);
            probes.add(Preflight.TARGET_PROBE);
        }
        probes.addAll(plan.config().identityProbes());
        return probes;
    }

    private void writeStepsFile(LoadedPlan plan) {
        Path file = request.runDir().stepsFile();
        if (Files.exists(file)) {
            requireStoredPlan(plan);
            return;
        }
        try {
            Files.write(file, plan.stepsJson());
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write " + file + ": " + e, e);
        }
    }

    /** What pre-flight and the environment cross-check warned about, for the report. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * What continuing a run refuses before anything is written (docs/resume.md, "Before anything runs", items 4
     * and 5), shared by {@code execute --resume} and {@code preflight --resume}: the stored steps must be what the
     * inputs compile to now and be the plan the journal recorded at the start, and every command the journal shows
     * approved must be the one the plan gives. The steps file matching the inputs is not enough: both may have been
     * changed together since the journal recorded what the operator approved, and the journal is the truth.
     * Returns the replayed journal.
     */
    static RunState requireApprovedPlan(RunDirectory dir, LoadedPlan plan, List<JournalEntry> entries) {
        StoredPlan.require(dir.stepsFile(), plan.stepsJson());
        RunState replayed = new RunStateReplayer().replay(entries);
        ApprovalDrift.require(plan.plan().steps(), replayed);
        StoredPlan.requireStartedWith(plan.stepsJson(), entries);
        return replayed;
    }

    /** The stored steps must be byte-identical to what the inputs compile to now (FORMATS.md §6.7). */
    private void requireStoredPlan(LoadedPlan plan) {
        StoredPlan.require(request.runDir().stepsFile(), plan.stepsJson());
    }

    /** Journals a pre-flight failure the way FORMATS.md §5 prescribes and returns verdict failed. */
    private RunResult failed(LoadedPlan plan, String check, CutoverException e) {
        PreflightFailureJournal.record(
                request.runDir(),
                plan,
                operator,
                engine.clock(),
                new PreflightFailureJournal.Failure(check, e, request.toolVersion()));
        RunEnding ending = new RunEnding(Verdict.FAILED, e.getMessage(), null, false);
        return new RunResult(
                ending,
                plan == null ? null : plan.plan(),
                warnings,
                List.of(),
                e,
                plan == null ? List.of() : plan.inputs().dataPlane().freezeWindows());
    }

    private JournalMetadata metadata(Inputs in) {
        return JournalMetadata.standard(
                in.controlPlane().metadata().runId(),
                engine.clock().instant(),
                in.controlPlane().metadata().sourceAccountId(),
                in.controlPlane().metadata().targetAccountId(),
                request.toolVersion());
    }

    /** Marks a session the CI pipeline runs, so status and the report name its modes to continue. */
    static String pipelineNote(ExecuteRequest request) {
        return request.guard().pipelineApprovals() == null ? null : PipelineSessions.NOTE;
    }

    private String lockNotes(List<String> acceptedStale) {
        String notes =
                lock.takenOverFrom().map(l -> "taken over from " + l.describe()).orElse(null);
        return StepRun.join(
                notes,
                acceptedStale.isEmpty()
                        ? null
                        : "--accept-stale: inputs older than 14 days accepted: " + String.join(", ", acceptedStale));
    }

    /**
     * Lock notes name the environment and the plan's digest, so the journal itself says where a run (or rehearsal)
     * ran and which {@code execution-steps.json} it walked: a later session is held to that plan ({@link
     * StoredPlan#requireStartedWith}).
     */
    static String environmentAndPlanNote(LoadedPlan plan) {
        return "environment " + plan.config().environment().configName() + "; "
                + PlanDigest.of(plan.stepsJson()).note();
    }

    private String resumeCommand() {
        return "cutover execute --run-dir " + request.runDir().shellWord() + " --resume";
    }
}
