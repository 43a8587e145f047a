package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.RunDirectory;
import dev.cutover.policy.CommandFacts;
import dev.cutover.shell.ChildEnvironment;
import dev.cutover.shell.CommandRequest;
import dev.cutover.shell.CommandResult;
import dev.cutover.shell.CommandRunner;
import dev.cutover.shell.RunningMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Runs a step's commands the way FORMATS.md §6.2 prescribes: cwd {@code terraform/root} when the first program
 * is terraform, else the run directory; the explicit child environment; output appended to
 * {@code execution/<step_id>.stdout.log} and {@code .stderr.log}.
 */
final class StepCommands {
    private final RunDirectory runDir;
    private final CommandRunner runner;
    private final ChildEnvironment environment;
    private final String logFolder;

    StepCommands(RunDirectory runDir, CommandRunner runner, ChildEnvironment environment) {
        this(runDir, runner, environment, RunDirectory.STEP_LOGS);
    }

    /** Logs under {@code logFolder} of the run directory instead of {@code execution/} (dry runs). */
    StepCommands(RunDirectory runDir, CommandRunner runner, ChildEnvironment environment, String logFolder) {
        this.runDir = runDir;
        this.runner = runner;
        this.environment = environment;
        this.logFolder = logFolder;
    }

    /** The kinds of command that change things: while one runs, its {@link RunningMarker} exists. */
    static final Set<String> MUTATING_KINDS = Set.of("execute", "rollback");

    /** Suffix of a running mutating command's marker, next to its step's logs. */
    static final String MARKER_SUFFIX = ".running";

    CommandResult run(ExecutionStep step, String kind, String command) {
        return run(step.stepId(), kind, command);
    }

    /**
     * Runs a read-only command whose process tree is killed after {@code timeout} (exit 124, a note in its
     * stderr log). Only polls get one: killing a mutation half-way could leave it worse than finished.
     */
    CommandResult runWithTimeout(ExecutionStep step, String kind, String command, Duration timeout) {
        return run(step.stepId(), kind, command, timeout);
    }

    /** Runs a command logged under {@code logName} (a step id, or the run-level id for probes). */
    CommandResult run(String logName, String kind, String command) {
        return run(logName, kind, command, null);
    }

    private CommandResult run(String logName, String kind, String command, Duration timeout) {
        boolean terraform = runsInTerraformRoot(command);
        Path cwd = terraform ? runDir.terraformRoot() : runDir.root();
        Path logs = runDir.root().resolve(logFolder);
        return runner.run(
                new CommandRequest(
                        command,
                        cwd,
                        terraform ? environment.forTerraformCommand() : environment.forCommand(),
                        logs.resolve(logName + ".stdout.log"),
                        logs.resolve(logName + ".stderr.log"),
                        kind,
                        timeout),
                MUTATING_KINDS.contains(kind) ? logs.resolve(logName + "." + kind + MARKER_SUFFIX) : null);
    }

    /** Whether {@code command} runs in {@code terraform/root}: its first program is terraform (FORMATS.md §6.2). */
    static boolean runsInTerraformRoot(String command) {
        return CommandFacts.firstProgram(command).map("terraform"::equals).orElse(false);
    }

    /** The stdout log of a step, relative to the run directory (where an execute's job id can be read). */
    static String stdoutLog(ExecutionStep step) {
        return "execution/" + step.stepId() + ".stdout.log";
    }

    /** The stderr log of a step, relative to the run directory, for reports and prompts. */
    static String stderrLog(ExecutionStep step) {
        return "execution/" + step.stepId() + ".stderr.log";
    }
}
