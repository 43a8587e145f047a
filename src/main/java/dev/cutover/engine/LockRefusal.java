package dev.cutover.engine;

import dev.cutover.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the run lock was refused, with the exit code the CLI must return.
 *
 * @param code {@link ErrorCode#LOCK_HELD} (exit 4) or {@link ErrorCode#STALE_LOCK} (exit 3)
 * @param state {@link LockState#LIVE} or {@link LockState#STALE_NEEDS_RESUME}
 * @param message what happened and what to do, for the operator
 * @param holder the holder read from {@code RUNNING.lock}, when it was readable
 */
record LockRefusal(ErrorCode code, LockState state, String message, Optional<LockFile> holder) {
    LockRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(holder, "holder");
    }

    int exitCode() {
        return code.exitCode();
    }
}
