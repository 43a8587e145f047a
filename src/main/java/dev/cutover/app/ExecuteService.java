package dev.cutover.app;

import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.PlanSource;
import dev.cutover.engine.RunResult;
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
        RunResult result = engine.execute(request, source);
        endOfRun.write(request.runDir(), result);
        return result;
    }
}
