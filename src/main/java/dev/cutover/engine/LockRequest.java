package dev.cutover.engine;

import java.util.Objects;

/**
 * What a process asks of the run lock: who it is, what it runs, and whether it may take over a stale lock.
 *
 * @param operator the resolved operator identity, written into {@code RUNNING.lock}
 * @param command the command line summary written into {@code RUNNING.lock}, e.g. {@code cutover execute}
 * @param resume true for {@code --resume}: a dead holder's lock is taken over instead of refused
 */
public record LockRequest(String operator, String command, boolean resume) {
    public LockRequest {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(command, "command");
    }
}
