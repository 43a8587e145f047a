package dev.cutover.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.Plan;
import dev.cutover.compile.StepCompiler;
import dev.cutover.compile.StepsDiff;
import dev.cutover.compile.StepsJson;
import dev.cutover.engine.JournalGate;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import dev.cutover.input.InputLoader;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunConfig;
import dev.cutover.input.RunConfigLoader;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.input.SchemaValidator;
import dev.cutover.policy.AllowedPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a run directory: configuration, inputs, compile, serialise, validate the output against our step
 * schema, and (for {@code cutover compile}) write {@code execution-steps.json} atomically.
 *
 * <p>Nothing is written unless every stage succeeded, so bad input never leaves a half-written run
 * directory behind.
 */
public final class CompileService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaValidator schemas;
    private final InputLoader inputLoader;
    private final RunConfigLoader configLoader;

    public CompileService() {
        this(SchemaValidator.shared());
    }

    public CompileService(SchemaValidator schemas) {
        this.schemas = schemas;
        this.inputLoader = new InputLoader(schemas);
        this.configLoader = new RunConfigLoader(schemas);
    }

    /** Compiles in memory; writes nothing. */
    public CompiledPlan compileInMemory(RunDirectory dir, Optional<String> expectedRunId) {
        RunConfig config = configLoader.load(dir);
        Inputs inputs = inputLoader.load(dir, expectedRunId);
        Plan plan = new StepCompiler(allowedPrograms(config)).compile(inputs);
        byte[] bytes = StepsJson.write(plan.steps());
        requireSchemaValid(bytes);
        return new CompiledPlan(inputs, config, plan, bytes);
    }

    /** Compiles in memory into what the engine walks (pre-flight check 3). */
    public LoadedPlan loadForExecution(RunDirectory dir, Optional<String> expectedRunId) {
        CompiledPlan c = compileInMemory(dir, expectedRunId);
        return new LoadedPlan(c.inputs(), c.config(), allowedPrograms(c.config()), c.plan(), c.stepsJson());
    }

    /**
     * Compiles and writes {@code execution-steps.json}. Once a run has started ({@link JournalGate#runStarted}),
     * refuses (exit 6) to write any steps file, a changed one or one where the file is missing: the journal's
     * step ids and approvals belong to the plan the run started with, and {@code execute --resume} and
     * {@code rollback} take the steps file for that plan.
     */
    public CompileResult compileAndWrite(RunDirectory dir, Optional<String> expectedRunId) {
        CompiledPlan compiled = compileInMemory(dir, expectedRunId);
        StepsFileState before = stepsFileState(dir, compiled);
        if (before != StepsFileState.CURRENT && JournalGate.runStarted(dir)) {
            throw startedRunRefusal(dir, before, compiled);
        }
        if (before != StepsFileState.CURRENT) {
            AtomicFiles.write(dir.stepsFile(), compiled.stepsJson());
        }
        return new CompileResult(compiled, dir.stepsFile(), before);
    }

    private static CutoverException startedRunRefusal(RunDirectory dir, StepsFileState before, CompiledPlan compiled) {
        String started = ", and a run has started in " + dir.root() + " ("
                + dir.journalFile().getFileName() + " records it)";
        String forward = " Restore the inputs and " + dir.stepsFile().getFileName() + " the run started with"
                + " (from the copy or backup taken before it started), or cut over from a new run directory.";
        if (before == StepsFileState.MISSING) {
            return new CutoverException(
                    ErrorCode.PLAN_DRIFT,
                    dir.stepsFile() + " is missing" + started + ": compile writes no plan into a started run,"
                            + " because execute --resume and rollback would take it for the plan the journal ran;"
                            + " nothing was written." + forward);
        }
        return new CutoverException(
                ErrorCode.PLAN_DRIFT,
                dir.stepsFile() + " differs from what the inputs compile to ("
                        + StepsDiff.firstDifference(readStored(dir), compiled.stepsJson())
                                .orElse("?")
                        + ")" + started + "; the stored plan is kept." + forward);
    }

    private static byte[] readStored(RunDirectory dir) {
        try {
            return Files.readAllBytes(dir.stepsFile());
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot read " + dir.stepsFile() + ": " + e, e);
        }
    }

    /**
     * How the steps file on disk relates to {@code compiled}.
     *
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY} when a folder (or an unreadable file) is there
     */
    public StepsFileState stepsFileState(RunDirectory dir, CompiledPlan compiled) {
        Path file = dir.stepsFile();
        RunFiles.requireReadableIfPresent(file);
        if (!Files.exists(file)) {
            return StepsFileState.MISSING;
        }
        try {
            return compiled.matches(Files.readAllBytes(file)) ? StepsFileState.CURRENT : StepsFileState.STALE;
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The allow-list a configuration declares (absent ⇒ the upstream set). */
    public static AllowedPrograms allowedPrograms(RunConfig config) {
        return config.allowedPrograms()
                .map(a -> a.structured()
                        ? AllowedPrograms.structured(a.read(), a.write())
                        : AllowedPrograms.flat(a.flat()))
                .orElseGet(AllowedPrograms::upstreamDefault);
    }

    private void requireSchemaValid(byte[] bytes) {
        List<Problem> problems;
        try {
            JsonNode tree = JSON.readTree(bytes);
            problems = schemas.validateSteps(tree);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.OUTPUT_SCHEMA_VIOLATION, "compiled steps are not JSON: " + e, e);
        }
        if (!problems.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.OUTPUT_SCHEMA_VIOLATION,
                    "the compiled steps violate execution-steps.schema.json; nothing was written",
                    problems);
        }
    }
}
