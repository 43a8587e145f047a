package dev.cutover.cli;

import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.GuardOptions;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunDirectoryRequest;
import dev.cutover.input.RunDirectoryResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags that locate a run directory, shared by every command that works on one (FORMATS.md §1). */
public final class RunDirOptions {
    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run directory. Wins over --run-id.")
    Path runDir;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description =
                    "Run id; the directory is ${AWS_MIGRATION_ROOT:-~/.aws-migration}/runs/<source>-to-<target>-<ID>/. "
                            + "When given, every input's run_id must equal it.")
    String runId;

    @Option(
            names = "--source-profile",
            paramLabel = "PROFILE",
            description = "Source AWS profile (default: $MIGRATION_SOURCE_PROFILE).")
    String sourceProfile;

    @Option(
            names = "--target-profile",
            paramLabel = "PROFILE",
            description = "Target AWS profile (default: $MIGRATION_TARGET_PROFILE).")
    String targetProfile;

    /** Resolves the run directory from the flags and the process environment. */
    RunDirectory resolve() {
        return new RunDirectoryResolver(System.getenv(), Path.of(System.getProperty("user.home")))
                .resolve(new RunDirectoryRequest(runDir, runId, sourceProfile, targetProfile));
    }

    /** What execute, its dry run and preflight are asked to do, from these flags and the process environment. */
    ExecuteRequest executeRequest(
            RunDirectory dir,
            boolean resume,
            boolean acceptStale,
            Path answers,
            int maxParallelJobs,
            GuardOptions guard) {
        Map<String, String> env = System.getenv();
        return new ExecuteRequest(
                dir,
                resume,
                acceptStale,
                sourceProfileOrEnv(env),
                targetProfileOrEnv(env),
                env,
                answers == null ? null : answers.toAbsolutePath(),
                VersionProvider.version(),
                maxParallelJobs,
                guard);
    }

    String sourceProfileOrEnv(Map<String, String> env) {
        return sourceProfile != null ? sourceProfile : env.get("MIGRATION_SOURCE_PROFILE");
    }

    String targetProfileOrEnv(Map<String, String> env) {
        return targetProfile != null ? targetProfile : env.get("MIGRATION_TARGET_PROFILE");
    }

    Optional<String> expectedRunId() {
        return Optional.ofNullable(runId);
    }
}
