package dev.cutover.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The contents of {@code RUN/RUNNING.lock} (FORMATS.md §3.3): which process on which host runs the cutover,
 * for whom, since when, and with which command.
 *
 * @param pid the holder's process id
 * @param startedAt when the holder wrote the lock, UTC, millisecond precision
 * @param host the holder's host name
 * @param operator the holder's resolved operator identity
 * @param command the holder's command, e.g. {@code cutover execute} ({@code ""} when an older writer omitted it)
 */
public record LockFile(long pid, Instant startedAt, String host, String operator, String command) {
    public LockFile {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(command, "command");
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The holder in one line, for refusals and the {@code lock-taken-over-from-stale} notes. */
    public String describe() {
        String by = command.isEmpty() ? "" : " (" + command + ")";
        return "pid=" + pid + ", host " + host + ", operator " + operator + ", started " + startedAt + by;
    }
}
