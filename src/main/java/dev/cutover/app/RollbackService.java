package dev.cutover.app;

import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.PlanSource;
import dev.cutover.engine.RunEnding;
import dev.cutover.engine.RunResult;
import dev.cutover.engine.Verdict;
import dev.cutover.error.CutoverException;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalReader;
import dev.cutover.report.RollbackOutcomes;
import dev.cutover.report.StepOutcomes;
import dev.cutover.report.StepState;
import java.util.List;
import java.util.Optional;

/**
 * {@code cutover rollback}: the engine unwinds the steps that succeeded, latest first, in the run's own journal;
 * the summary and report are then rewritten from that journal with a Rollback section (what was rolled back,
 * what remains). As for {@code execute}, a summary or report that cannot be written (full disk, read-only
 * directory) halts with exit 1 and says how to write them again; the journal is the record and is complete.
 */
public final class RollbackService {
    private final CompileService compile;
    private final CutoverEngine engine;
    private final EndOfRunWriter endOfRun;

    public RollbackService(CompileService compile, CutoverEngine engine, EndOfRunWriter endOfRun) {
        this.compile = compile;
        this.engine = engine;
        this.endOfRun = endOfRun;
    }

    /**
     * What the rollback did.
     *
     * @param run how this rollback session ended (completed: every step rolled back or left as it is); its verdict
     *     gives the exit code
     * @param reported the verdict the summary, the reports and {@code cutover status} carry, which the operator is
     *     shown too: {@code halted} for a finished rollback of a run that had stopped short (exit code still 0: the
     *     rollback itself finished, docs/commands/rollback.md)
     * @param outcomes every step's outcome, from the whole journal (earlier sessions included)
     */
    public record Result(RunResult run, RunResult reported, RollbackOutcomes outcomes) {
        public int exitCode() {
            return run.exitCode();
        }
    }

    public Result rollback(ExecuteRequest request, Optional<String> expectedRunId) {
        PlanSource source = () -> compile.loadForExecution(request.runDir(), expectedRunId);
        // The files are written before the lock is released: until they exist the rollback is not over for anyone.
        return engine.rollback(request, source, result -> writeEndOfRun(request, result));
    }

    private Result writeEndOfRun(ExecuteRequest request, RunResult result) {
        List<JournalEntry> entries =
                new JournalReader().read(request.runDir().journalFile()).entries();
        RollbackOutcomes outcomes =
                RollbackOutcomes.of(result.plan().steps(), entries).orElseThrow();
        RunResult reported = forReport(result, entries);
        try {
            endOfRun.write(request.runDir(), reported);
        } catch (CutoverException e) {
            if (!ExecuteService.reportsNotWritten(e)) {
                throw e;
            }
            RunResult halted =
                    ExecuteService.withoutReports(result, e, request.runDir().shellWord(), "the rollback finished");
            return new Result(halted, halted, outcomes);
        }
        return new Result(result, reported, outcomes);
    }

    /**
     * The summary's {@code completed} means every step succeeded or was skipped; a finished rollback of a run that
     * had stopped short is reported as halted, with the reason saying so.
     */
    private static RunResult forReport(RunResult result, List<JournalEntry> entries) {
        if (result.ending().verdict() != Verdict.COMPLETED) {
            return result;
        }
        boolean forwardCompleted = StepOutcomes.of(result.plan().steps(), entries).stream()
                .allMatch(o -> o.state() == StepState.SUCCEEDED || o.state() == StepState.SKIPPED);
        if (forwardCompleted) {
            return result;
        }
        return new RunResult(
                RunEnding.halted("the run had stopped before completing; its reverse rollback finished", null),
                result.plan(),
                result.warnings(),
                result.skippedChecks(),
                null,
                result.freezeWindows());
    }
}
