package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code cutover execute} was asked to do.
 *
 * @param runDir the run directory
 * @param resume {@code --resume}
 * @param acceptStale {@code --accept-stale}
 * @param sourceProfile the resolved source profile, or null
 * @param targetProfile the resolved target profile, or null
 * @param environment the executor's environment (children inherit it, FORMATS.md §1)
 * @param answersFile {@code --answers}, or null for the interactive terminal
 * @param toolVersion Cutover's own version, written into the journal as {@code plugin_version}
 * @param maxParallelJobs {@code --max-parallel-jobs} (default {@link #DEFAULT_MAX_PARALLEL_JOBS}), or 0 for
 *     {@code --sequential}
 * @param guard the org file, approval mode and pipeline approvals the run asks for (docs/environments.md)
 */
public record ExecuteRequest(
        RunDirectory runDir,
        boolean resume,
        boolean acceptStale,
        String sourceProfile,
        String targetProfile,
        Map<String, String> environment,
        Path answersFile,
        String toolVersion,
        int maxParallelJobs,
        GuardOptions guard) {
    /** Long-running jobs polled at once unless {@code --max-parallel-jobs} says otherwise. */
    public static final int DEFAULT_MAX_PARALLEL_JOBS = 4;

    public ExecuteRequest {
        Objects.requireNonNull(runDir, "runDir");
        if (maxParallelJobs < 0) {
            throw new IllegalArgumentException("maxParallelJobs must be 0 (sequential) or more");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(guard, "guard");
        if (answersFile != null && guard.pipelineApprovals() != null) {
            // Refused where the flags become a request, so execute, dry run and rollback refuse it before anything
            // is read or written (no journal, no report).
            throw new CutoverException(
                    ErrorCode.USAGE, "--pipeline-approvals and --answers exclude each other: give one");
        }
    }
}
