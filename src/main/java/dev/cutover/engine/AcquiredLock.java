package dev.cutover.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The run lock while this process holds it: the OS lock is held from probe to release, and
 * {@code RUNNING.lock} exists from {@link #commit()} to {@link #release()} (FORMATS.md §5: the lock file is
 * written only after every pre-flight check passed).
 *
 * <p>Ending: {@link #release()} on a clean end deletes the lock file; {@link #abandonKeepingFile()} (SSO halt,
 * FORMATS.md §6.3) keeps it for {@code --resume}; {@link #close()} releases an uncommitted lock without
 * writing anything and treats a committed one like an abandon, so an unexpected exception leaves the same
 * evidence as a crash.
 */
public final class AcquiredLock implements AutoCloseable {
    private enum Phase {
        PROBED,
        COMMITTED,
        ENDED
    }

    private final LockState state;
    private final Optional<LockFile> takenOverFrom;
    private final OsLock osLock;
    private final LockFileStore store;
    private final Supplier<LockFile> content;
    private Phase phase = Phase.PROBED;
    private LockFile written;

    AcquiredLock(
            LockState state,
            Optional<LockFile> takenOverFrom,
            OsLock osLock,
            LockFileStore store,
            Supplier<LockFile> content) {
        this.state = Objects.requireNonNull(state, "state");
        this.takenOverFrom = Objects.requireNonNull(takenOverFrom, "takenOverFrom");
        this.osLock = Objects.requireNonNull(osLock, "osLock");
        this.store = Objects.requireNonNull(store, "store");
        this.content = Objects.requireNonNull(content, "content");
    }

    /** {@link LockState#FREE} or {@link LockState#STALE_TAKEOVER}. */
    public LockState state() {
        return state;
    }

    /** The dead holder whose lock this run takes over; the engine journals it on {@code lock-taken-over-from-stale}. */
    public Optional<LockFile> takenOverFrom() {
        return takenOverFrom;
    }

    /** What {@link #commit()} wrote, empty before. */
    public synchronized Optional<LockFile> written() {
        return Optional.ofNullable(written);
    }

    /**
     * Writes {@code RUNNING.lock} atomically (replacing a stale one being taken over) with this process's
     * pid, host, operator, command and the current time; call once, after pre-flight passed.
     */
    public synchronized LockFile commit() {
        if (phase != Phase.PROBED) {
            throw new IllegalStateException("the run lock can be committed once, while held; it is " + phase);
        }
        LockFile lock = content.get();
        store.write(lock);
        written = lock;
        phase = Phase.COMMITTED;
        return lock;
    }

    /** Clean end of run: deletes {@code RUNNING.lock} if this process wrote it, then releases the OS lock. */
    public synchronized void release() {
        if (phase == Phase.ENDED) {
            return;
        }
        try {
            // Delete while still holding the OS lock, so a successor's fresh lock file is never deleted.
            if (phase == Phase.COMMITTED) {
                store.delete();
            }
        } finally {
            phase = Phase.ENDED;
            osLock.release();
        }
    }

    /**
     * The end of a run that journaled how it ended: {@link #abandonKeepingFile()} when the run must be resumed
     * with the lock file as its marker ({@code keepFile}), else {@link #release()}.
     */
    public synchronized void end(boolean keepFile) {
        if (keepFile) {
            abandonKeepingFile();
        } else {
            release();
        }
    }

    /** Halt that must be resumed: releases only the OS lock, leaving {@code RUNNING.lock} as the stale marker. */
    public synchronized void abandonKeepingFile() {
        phase = Phase.ENDED;
        osLock.release();
    }

    @Override
    public synchronized void close() {
        if (phase == Phase.PROBED) {
            release();
        } else if (phase == Phase.COMMITTED) {
            abandonKeepingFile();
        }
    }
}
