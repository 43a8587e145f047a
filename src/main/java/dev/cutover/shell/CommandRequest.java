package dev.cutover.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command to run with bash: its exact text, working directory, complete environment, the two
 * per-step log files it appends to, the kind label written in the log frames, and an optional timeout.
 *
 * @param command the exact command text handed to {@code bash -c}
 * @param workingDirectory the child's cwd (FORMATS.md §6.2)
 * @param environment the child's complete environment (must contain {@code PATH}); nothing is inherited
 *     from the JVM
 * @param stdoutLog file the child's stdout is appended to
 * @param stderrLog file the child's stderr is appended to
 * @param kind label for the frame lines, e.g. {@code execute}, {@code poll}, {@code resume-check}
 * @param timeout maximum wall time, or {@code null} for none
 */
public record CommandRequest(
        String command,
        Path workingDirectory,
        Map<String, String> environment,
        Path stdoutLog,
        Path stderrLog,
        String kind,
        Duration timeout) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(stdoutLog, "stdoutLog");
        Objects.requireNonNull(stderrLog, "stderrLog");
        Objects.requireNonNull(kind, "kind");
        // Map.copyOf rejects null keys and values, which ProcessBuilder could not pass on either.
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        if (command.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("command contains a NUL character");
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must match " + KIND + ": " + kind);
        }
        if (stdoutLog
                .toAbsolutePath()
                .normalize()
                .equals(stderrLog.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("stdout and stderr must go to different log files: " + stdoutLog);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        environment.forEach(CommandRequest::checkVariable);
        if (!environment.containsKey("PATH")) {
            // Without PATH, bash falls back to a built-in search path that ends in `.` (the cwd).
            throw new IllegalArgumentException("environment must contain PATH");
        }
    }

    /** Returns a copy with the given timeout ({@code null} for none). */
    public CommandRequest withTimeout(Duration newTimeout) {
        return new CommandRequest(command, workingDirectory, environment, stdoutLog, stderrLog, kind, newTimeout);
    }

    private static void checkVariable(String name, String value) {
        // Values may be secrets: messages name the variable, never its value.
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: '" + name + "'");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("environment variable " + name + " contains a NUL character");
        }
    }
}
