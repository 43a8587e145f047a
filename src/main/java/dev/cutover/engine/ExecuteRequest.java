package dev.cutover.engine;

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
 */
public record ExecuteRequest(
        RunDirectory runDir,
        boolean resume,
        boolean acceptStale,
        String sourceProfile,
        String targetProfile,
        Map<String, String> environment,
        Path answersFile,
        String toolVersion) {
    public ExecuteRequest {
        Objects.requireNonNull(runDir, "runDir");
        environment = Map.copyOf(environment);
    }
}
