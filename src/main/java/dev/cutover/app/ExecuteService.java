package dev.cutover.app;

import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.PlanSource;
import dev.cutover.engine.RunEnding;
import dev.cutover.engine.RunResult;
import dev.cutover.engine.Verdict;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.util.Optional;

/**
 * {@code cutover execute}: the engine walks the plan the compiler produces from the run directory; the summary
 * and report are written from the journal when the run ends, whatever the verdict.
 */
public final class ExecuteService {
    private final CompileService compile;
    private final CutoverEngine engine;
    private final EndOfRunWriter endOfRun;

    public ExecuteService(CompileService compile, CutoverEngine engine, EndOfRunWriter endOfRun) {
        this.compile = compile;
        this.engine = engine;
        this.endOfRun = endOfRun;
    }

    public RunResult execute(ExecuteRequest request, Optional<String> expectedRunId) {
        PlanSource source = () -> compile.loadForExecution(request.runDir(), expectedRunId);
        // The files are written before the lock is released: until they exist the run is not over for anyone.
        return engine.execute(request, source, result -> writeEndOfRun(request, result));
    }

    private RunResult writeEndOfRun(ExecuteRequest request, RunResult result) {
        try {
            endOfRun.write(request.runDir(), result);
        } catch (CutoverException e) {
            if (!reportsNotWritten(e)) {
                throw e;
            }
            return withoutReports(result, e, request.runDir().shellWord(), "the run completed");
        }
        return result;
    }

    /**
     * Whether {@code e}, thrown writing the end-of-run files, means only they could not be written: a failed write,
     * or a folder put in their way (or the run directory made read-only) after pre-flight checked them.
     */
    static boolean reportsNotWritten(CutoverException e) {
        return e.code() == ErrorCode.IO_FAILURE
                || e.code() == ErrorCode.RUN_FILE_IN_THE_WAY
                || e.code() == ErrorCode.RUN_DIR_NOT_WRITABLE;
    }

    /**
     * The journal is the record and is complete; only the summary and reports derived from it could not be
     * written (a full disk, a read-only run directory). That is a halt the operator fixes, not a bug: the run
     * keeps its verdict (a completed one becomes halted, so no script reads success without its reports) and
     * says how to write them again. {@code completed} names what completed ("the run completed", "the rollback
     * finished") for the halt reason of a run that would otherwise have been completed.
     */
    static RunResult withoutReports(RunResult result, CutoverException e, String runDirWord, String completed) {
        RunEnding was = result.ending();
        String why = "the summary and reports could not be written (" + e.getMessage()
                + "); once the run directory is writable, `cutover report --run-dir " + runDirWord
                + "` writes them from the journal";
        RunEnding ending = was.verdict() == Verdict.COMPLETED
                ? new RunEnding(Verdict.HALTED, completed + ", but " + why, null, was.keepLock())
                : new RunEnding(
                        was.verdict(),
                        was.haltReason() == null ? why : was.haltReason() + "; " + why,
                        was.haltStepId(),
                        was.keepLock());
        return new RunResult(
                ending,
                result.plan(),
                result.warnings(),
                result.skippedChecks(),
                result.failure(),
                result.freezeWindows());
    }
}
