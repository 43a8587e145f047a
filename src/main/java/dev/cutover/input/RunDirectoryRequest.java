package dev.cutover.input;

import java.nio.file.Path;

/**
 * What the operator said about where the run lives: {@code --run-dir}, or {@code --run-id} with the optional
 * {@code --source-profile}/{@code --target-profile}. Any component may be null when the flag was not given.
 */
public record RunDirectoryRequest(Path runDir, String runId, String sourceProfile, String targetProfile) {
    /** A request naming the directory directly. */
    public static RunDirectoryRequest ofRunDir(Path runDir) {
        return new RunDirectoryRequest(runDir, null, null, null);
    }

    /** A request by run id, profiles taken from the environment. */
    public static RunDirectoryRequest ofRunId(String runId) {
        return new RunDirectoryRequest(null, runId, null, null);
    }
}
