package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.shell.RunningMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mutating commands an interrupted run left behind ({@code execution/<step>.<kind>.running}, see
 * {@link RunningMarker}). A crashed Cutover does not stop the bash it started: a resume that re-verified such a
 * step while its command still ran would see a half-done change and offer to run it again. So a resume or
 * rollback refuses while one of them runs, and removes the markers of those that have ended. A marker without a
 * pid (Cutover died between writing it and starting bash, or before rewriting it with the pid) costs a scan of
 * every process, which is why only this check, never a command's own path, looks for its command.
 */
final class InterruptedCommands {
    private InterruptedCommands() {}

    /**
     * Refuses while a command of an earlier run is still running; removes the markers of the ended ones.
     *
     * @throws CutoverException {@link ErrorCode#COMMAND_STILL_RUNNING}
     */
    static void requireNoneRunning(RunDirectory dir) {
        Path logs = dir.stepLogs();
        if (!Files.isDirectory(logs)) {
            return;
        }
        List<String> running = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(StepCommands.MARKER_SUFFIX))
                    .sorted()
                    .toList()) {
                Optional<RunningMarker> marker = RunningMarker.read(file);
                Optional<ProcessHandle> live = marker.flatMap(RunningMarker::liveProcess);
                if (live.isPresent()) {
                    running.add(describe(file, marker.get(), live.get()));
                } else {
                    Files.deleteIfExists(file); // its command has ended (or the file is not a marker)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + logs + " for commands still running", e);
        }
        if (!running.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.COMMAND_STILL_RUNNING,
                    "the interrupted run's " + String.join("; ", running) + ". Re-verifying a change that is still"
                            + " being made could offer to run it twice: wait until it ends (or stop it once you know"
                            + " what it did), then run this again. Nothing was run or journaled.");
        }
    }

    private static String describe(Path file, RunningMarker m, ProcessHandle live) {
        String name = file.getFileName().toString();
        String stepId = name.substring(
                0,
                name.length() - StepCommands.MARKER_SUFFIX.length() - m.kind().length() - 1);
        String found = m.pid().isPresent()
                ? ""
                // Died before the pid was recorded: say how this process was found, so the operator can check it.
                : "; found by its command line or its logs, Cutover died before recording the pid";
        return m.kind() + " command of " + stepId + " is still running (pid " + live.pid()
                + m.started()
                        .or(() -> live.info().startInstant())
                        // The process table's start time: whole seconds of boot time plus clock ticks, so it can
                        // read up to a second early (before the step's own approval); shown to the second, as such.
                        .map(at -> ", started about " + at.truncatedTo(ChronoUnit.SECONDS) + " by the process table")
                        .orElse("")
                + found
                + ")";
    }
}
