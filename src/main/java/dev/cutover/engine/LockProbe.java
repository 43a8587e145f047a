package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import java.util.Objects;

/** The result of {@link RunLock#probe}: either we hold the OS lock now, or why we may not run. */
public sealed interface LockProbe permits LockProbe.Acquired, LockProbe.Refused {
    /** The held lock, or the refusal as the exception the CLI maps to an exit code (4 live, 3 stale). */
    default AcquiredLock orThrow(String messagePrefix) {
        if (this instanceof Refused refused) {
            throw refused.toException(messagePrefix);
        }
        return ((Acquired) this).lock();
    }

    /** We hold the OS lock; {@code RUNNING.lock} is written only by {@link AcquiredLock#commit()}. */
    record Acquired(AcquiredLock lock) implements LockProbe {
        public Acquired {
            Objects.requireNonNull(lock, "lock");
        }
    }

    /** Another run is live, or a dead run's lock needs {@code --resume}; nothing was written or held. */
    record Refused(LockRefusal refusal) implements LockProbe {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        /** The refusal as the exception the CLI maps to an exit code (4 live, 3 stale or unreadable). */
        public CutoverException toException(String prefix) {
            return new CutoverException(refusal.code(), prefix + refusal.message());
        }
    }
}
