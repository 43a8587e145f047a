package dev.cutover.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one bash run produced: exit code, bounded views of its output and byte counts.
 *
 * <p>{@code stdoutHead} holds at most {@link #HEAD_LIMIT_BYTES} of stdout, decoded as UTF-8 and cut at a
 * character boundary; {@code stdoutTruncated} says whether stdout was longer. The tails hold at most
 * {@link #TAIL_LIMIT_BYTES} of each stream, also cut at a character boundary. Invalid UTF-8 is decoded
 * with U+FFFD replacement characters.
 *
 * @param exitCode bash's exit status; 124 when {@code timedOut}; 128 + n when killed by signal n; 127 when the
 *     command could not be started at all
 * @param timedOut whether the runner killed the process tree because the timeout elapsed
 * @param stdoutHead the first bytes of stdout, for poll-state parsing, verify patterns and JSON capture
 * @param stdoutTruncated whether stdout had more than {@link #HEAD_LIMIT_BYTES} bytes
 * @param stdoutTail the last bytes of stdout, for the journal's {@code stdout_tail}
 * @param stderrTail the last bytes of stderr, for the journal's {@code stderr_tail}
 * @param stdoutBytes bytes written to the stdout log between the start frame and bash's exit (frames not
 *     counted)
 * @param stderrBytes bytes written to the stderr log between the start frame and bash's exit (frames and
 *     runner notes not counted)
 * @param startedAt when the command was started, from the runner's clock
 * @param endedAt when bash exited or its tree was killed, from the runner's clock
 */
public record CommandResult(
        int exitCode,
        boolean timedOut,
        String stdoutHead,
        boolean stdoutTruncated,
        String stdoutTail,
        String stderrTail,
        long stdoutBytes,
        long stderrBytes,
        Instant startedAt,
        Instant endedAt) {

    /**
     * Exit code reported for a command that could not be run at all (its working directory is missing, bash could
     * not be started), as a shell reports a command it cannot find; the reason is the command's stderr.
     */
    public static final int NOT_STARTED_EXIT_CODE = 127;

    /** Exit code reported for a command killed by its timeout, as coreutils {@code timeout} does. */
    public static final int TIMEOUT_EXIT_CODE = 124;

    /** Bytes of stdout kept in {@link #stdoutHead()}: 1 MiB. */
    public static final int HEAD_LIMIT_BYTES = 1 << 20;

    /** Bytes kept in each tail: 2048 (FORMATS.md §3.2). */
    public static final int TAIL_LIMIT_BYTES = 2048;

    public CommandResult {
        Objects.requireNonNull(stdoutHead, "stdoutHead");
        Objects.requireNonNull(stdoutTail, "stdoutTail");
        Objects.requireNonNull(stderrTail, "stderrTail");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (timedOut && exitCode != TIMEOUT_EXIT_CODE) {
            throw new IllegalArgumentException("a timed-out command reports exit code 124, not " + exitCode);
        }
        if (stdoutBytes < 0 || stderrBytes < 0) {
            throw new IllegalArgumentException("byte counts cannot be negative");
        }
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Wall time between start and end, as measured by the runner's clock. */
    public Duration elapsed() {
        return Duration.between(startedAt, endedAt);
    }
}
