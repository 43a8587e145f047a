package dev.cutover.engine;

import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pre-flight check 1 (FORMATS.md §5, §3.3): decides whether this process may run the cutover in a run
 * directory, using an OS lock for liveness and {@code RUNNING.lock} for who holds it.
 *
 * <p>Liveness is the OS lock on {@code RUN/.RUNNING.lock.flock}, never {@code kill -0 pid}: the kernel drops
 * it when the holder dies, so a reused pid cannot make a dead run look alive, and two racing processes
 * cannot both win. POSIX drops every lock a process holds on a file when any of its descriptors for that file
 * is closed, so no code of this process opens a second channel on a lock file this process holds or probes: the
 * run directories in use are kept process-wide, whichever instance took them.
 *
 * <p>{@link #observe} lets {@code cutover status} see whether a live process holds the lock by taking a shared
 * lock for an instant; so that such a look can never make a starting run refuse, {@link #probe} keeps trying a
 * busy lock for {@link #ACQUIRE_PATIENCE} before it calls the run directory live.
 */
public final class RunLock {
    /** The OS lock file, next to {@code RUNNING.lock}; never deleted. */
    public static final String OS_LOCK_FILE = ".RUNNING.lock.flock";

    /** How long {@link #probe} retries a busy OS lock: far longer than any {@link #observe} holds it. */
    static final Duration ACQUIRE_PATIENCE = Duration.ofMillis(250);

    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Run directories whose OS lock this process holds or is looking at, by real path. */
    private static final Set<Path> IN_USE_HERE = ConcurrentHashMap.newKeySet();

    private final Clock clock;
    private final HostInfo host;

    public RunLock(Clock clock, HostInfo host) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Takes the OS lock and classifies the run directory without writing {@code RUNNING.lock}; on
     * {@link LockProbe.Acquired} the caller owns the OS lock until it releases, abandons or closes it. A busy
     * lock is retried for {@link #ACQUIRE_PATIENCE} before the directory counts as live.
     *
     * @throws dev.cutover.error.CutoverException {@link dev.cutover.error.ErrorCode#RUN_FILE_IN_THE_WAY} or {@link
     *     dev.cutover.error.ErrorCode#RUN_DIR_NOT_WRITABLE} when a lock file cannot be opened as one
     */
    public LockProbe probe(RunDirectory dir, LockRequest request) {
        // A folder at either lock file, or a run directory where the OS lock file cannot be created, would make the
        // lock an I/O failure: refuse naming the file instead (no run can hold a lock it could not create).
        RunFiles.requireAppendable(dir.file(OS_LOCK_FILE));
        RunFiles.requireReadableIfPresent(dir.file(RunDirectory.LOCK));
        LockFileStore store = new LockFileStore(dir.file(RunDirectory.LOCK));
        Path key = identity(dir);
        long deadline = System.nanoTime() + ACQUIRE_PATIENCE.toNanos();
        while (true) {
            Optional<OsLock> osLock = tryTake(dir, key);
            if (osLock.isPresent()) {
                return classify(store, request, osLock.get());
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return live(store);
            }
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
    }

    /**
     * Whether a live process holds the OS lock of {@code dir}, seen without creating or writing anything: a
     * shared lock is taken and released at once (a live run holds an exclusive one). {@link OsLockSight#UNKNOWN}
     * when the lock file does not exist (no run ever locked this directory, or it was copied) or cannot be opened.
     */
    public static OsLockSight observe(RunDirectory dir) {
        Path file = dir.file(OS_LOCK_FILE);
        if (!Files.isRegularFile(file)) {
            return OsLockSight.UNKNOWN;
        }
        Path key = identity(dir);
        if (!IN_USE_HERE.add(key)) {
            return OsLockSight.HELD; // this process holds it: opening a channel would drop that lock
        }
        try {
            return OsLock.isHeldElsewhere(file) ? OsLockSight.HELD : OsLockSight.FREE;
        } catch (IOException e) {
            return OsLockSight.UNKNOWN;
        } finally {
            IN_USE_HERE.remove(key);
        }
    }

    private static Optional<OsLock> tryTake(RunDirectory dir, Path key) {
        if (!IN_USE_HERE.add(key)) {
            return Optional.empty(); // held or being looked at in this process: as busy as another process's lock
        }
        try {
            Optional<OsLock> osLock = OsLock.tryAcquire(dir.file(OS_LOCK_FILE), () -> IN_USE_HERE.remove(key));
            if (osLock.isEmpty()) {
                IN_USE_HERE.remove(key);
            }
            return osLock;
        } catch (RuntimeException e) {
            IN_USE_HERE.remove(key);
            throw e;
        }
    }

    private LockProbe classify(LockFileStore store, LockRequest request, OsLock osLock) {
        LockFileStore.Stored stored = store.read();
        if (stored instanceof LockFileStore.Absent) {
            return acquired(LockState.FREE, Optional.empty(), osLock, store, request);
        }
        if (stored instanceof LockFileStore.Unreadable unreadable) {
            osLock.release();
            return refused(
                    ErrorCode.STALE_LOCK,
                    LockState.UNREADABLE,
                    LockMessages.unreadable(store.path(), unreadable.reason()),
                    Optional.empty());
        }
        LockFile holder = ((LockFileStore.Parsed) stored).lock();
        if (!holder.host().equalsIgnoreCase(host.hostName())) {
            osLock.release(); // we cannot see another host's processes, so its lock counts as live
            return refused(
                    ErrorCode.LOCK_HELD,
                    LockState.LIVE,
                    LockMessages.otherHost(store.path(), holder),
                    Optional.of(holder));
        }
        if (!request.resume()) {
            osLock.release();
            return refused(
                    ErrorCode.STALE_LOCK,
                    LockState.STALE_NEEDS_RESUME,
                    LockMessages.stale(store.path(), holder),
                    Optional.of(holder));
        }
        return acquired(LockState.STALE_TAKEOVER, Optional.of(holder), osLock, store, request);
    }

    private LockProbe acquired(
            LockState state, Optional<LockFile> previous, OsLock osLock, LockFileStore store, LockRequest request) {
        return new LockProbe.Acquired(new AcquiredLock(
                state,
                previous,
                osLock,
                store,
                () -> new LockFile(
                        ProcessHandle.current().pid(),
                        clock.instant(),
                        host.hostName(),
                        request.operator(),
                        request.command())));
    }

    private static LockProbe live(LockFileStore store) {
        LockFileStore.Stored stored = store.read();
        Optional<LockFile> holder =
                stored instanceof LockFileStore.Parsed parsed ? Optional.of(parsed.lock()) : Optional.empty();
        String message = holder.map(h -> LockMessages.live(store.path(), h))
                .orElseGet(() -> LockMessages.liveWithoutFile(store.path()));
        return refused(ErrorCode.LOCK_HELD, LockState.LIVE, message, holder);
    }

    private static LockProbe refused(ErrorCode code, LockState state, String message, Optional<LockFile> holder) {
        return new LockProbe.Refused(new LockRefusal(code, state, message, holder));
    }

    /** The run directory's real path, so two spellings of one directory share one entry. */
    private static Path identity(RunDirectory dir) {
        try {
            return dir.root().toRealPath();
        } catch (IOException e) {
            return dir.root(); // a missing directory fails right after, when the lock file is opened
        }
    }
}
