package dev.cutover.engine;

import dev.cutover.approval.Approver;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One execution from check 3 on: load, checks 4–7, lock file, journal, go/no-go, walk, clean end. */
final class PreflightRun {
    private final CutoverEngine engine;
    private final ExecuteRequest request;
    private final String operator;
    private final AcquiredLock lock;
    private final List<String> warnings = new ArrayList<>();

    PreflightRun(CutoverEngine engine, ExecuteRequest request, String operator, AcquiredLock lock) {
        this.engine = engine;
        this.request = request;
        this.operator = operator;
        this.lock = lock;
    }

    RunResult run(PlanSource source) {
        LoadedPlan plan;
        try {
            plan = source.load();
        } catch (CutoverException e) {
            return failed(null, "check 3 (inputs)", e);
        }
        StepCommands commands = new StepCommands(
                request.runDir(), CutoverEngine.runner(engine.clock()), CutoverEngine.childEnvironment(request));
        Preflight checks = new Preflight(engine.clock(), commands);
        boolean staleAccepted;
        Approver approver;
        try {
            // Who answers comes first: --answers outside sandbox/development/test, or no terminal to ask, is
            // refused before any other check (and before check 6 makes a single cloud call).
            approver = engine.approver(request, plan.config().environment());
            staleAccepted = checks.runAll(plan, request);
            writeStepsFile(plan);
        } catch (CutoverException e) {
            return failed(plan, e.getMessage().startsWith("check") ? "" : "pre-flight", e);
        }
        warnings.addAll(checks.warnings());
        plan.plan().warnings().forEach(w -> warnings.add(w.render()));
        warnings.addAll(plan.allowed().warnings());
        return walk(plan, commands, checks, approver, staleAccepted);
    }

    private RunResult walk(
            LoadedPlan plan, StepCommands commands, Preflight checks, Approver approver, boolean staleAccepted) {
        lock.commit();
        RunJournal journal = new RunJournal(
                JournalWriter.create(request.runDir().journalFile(), metadata(plan.inputs()), engine.clock()),
                operator);
        journal.runLevel(
                lock.takenOverFrom().isPresent() ? JournalEvent.LOCK_TAKEN_OVER_FROM_STALE : JournalEvent.LOCK_ACQUIRED,
                lockNotes(staleAccepted));
        EngineContext ctx = context(plan, commands, checks, approver, journal);
        RunEnding ending = walkOrHalt(ctx, checks, plan);
        if (ending.keepLock()) {
            lock.abandonKeepingFile();
        } else {
            CutoverEngine.releaseEvent(journal);
            lock.release();
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
    private RunEnding walkOrHalt(EngineContext ctx, Preflight checks, LoadedPlan plan) {
        try {
            return new GoNoGo(ctx, warnings, checks.skippedChecks())
                    .ask(plan.plan().steps())
                    .orElseGet(() -> new StepWalker(ctx).walk(plan.plan().steps()));
        } catch (CutoverException e) {
            if (e.code() != ErrorCode.NO_SCRIPTED_ANSWER && e.code() != ErrorCode.OPERATOR_INPUT_CLOSED) {
                throw e;
            }
            engine.out().println("HALT: " + e.getMessage());
            return RunEnding.halted(e.getMessage(), ctx.journal().lastStepId());
        }
    }

    private EngineContext context(
            LoadedPlan plan, StepCommands commands, Preflight checks, Approver approver, RunJournal journal) {
        Inputs in = plan.inputs();
        Map<String, GoNoGoGate> gates = new HashMap<>();
        for (Plane p : Plane.values()) {
            in.checklist(p).phases().stream()
                    .filter(ph -> ph.goNoGoGate() != null)
                    .forEach(ph -> gates.put(GateKeys.of(p.prefix(), ph.number()), ph.goNoGoGate()));
        }
        java.util.OptionalInt poll = plan.config().pollIntervalSeconds();
        EngineSettings settings = new EngineSettings(
                poll.isPresent() ? Integer.valueOf(poll.getAsInt()) : null,
                in.controlPlane().handoffCriteria(),
                gates,
                plan.allowed().allowsAws());
        RunContextHeader header = new RunContextHeader(
                in.controlPlane().metadata().runId(),
                plan.config().environment().configName(),
                request.sourceProfile(),
                request.targetProfile(),
                in.controlPlane().metadata().sourceAccountId() + " -> "
                        + in.controlPlane().metadata().targetAccountId());
        SsoProbe sso = new SsoProbe(probes(plan), checks.now(), resumeCommand());
        return new EngineContext(
                request.runDir(),
                engine.clock(),
                engine.sleeper(),
                approver,
                engine.out(),
                journal,
                commands,
                new Prompts(header),
                new FreezeTracker(in.dataPlane().freezeWindows()),
                sso,
                CutoverEngine.lint(plan),
                settings);
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
        java.nio.file.Path file = request.runDir().stepsFile();
        try {
            if (!Files.exists(file)) {
                Files.write(file, plan.stepsJson());
            } else if (!java.util.Arrays.equals(Files.readAllBytes(file), plan.stepsJson())) {
                throw new CutoverException(
                        ErrorCode.PLAN_DRIFT,
                        file.getFileName() + " differs from what the inputs compile to now; run `cutover compile`"
                                + " to see the difference, or restore the inputs");
            }
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write " + file + ": " + e, e);
        }
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

    private String lockNotes(boolean staleAccepted) {
        String notes =
                lock.takenOverFrom().map(l -> "taken over from " + l.describe()).orElse(null);
        return StepRun.join(notes, staleAccepted ? "--accept-stale: inputs older than 14 days accepted" : null);
    }

    private String resumeCommand() {
        return "cutover execute --run-dir " + request.runDir().root() + " --resume";
    }
}
