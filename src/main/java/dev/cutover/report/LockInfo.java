package dev.cutover.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The run's {@code RUNNING.lock} as the caller read it, with the liveness the caller probed (same host and
 * the pid alive, or another host; FORMATS.md §3.3).
 *
 * @param pid the holder's process id
 * @param host the holder's host name
 * @param operator who started the holder
 * @param startedAt when the holder took the lock
 * @param live true when the holder still runs
 */
public record LockInfo(long pid, String host, String operator, Instant startedAt, boolean live) {
    public LockInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
