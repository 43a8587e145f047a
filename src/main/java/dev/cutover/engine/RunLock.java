package dev.cutover.engine;

import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-flight check 1 (FORMATS.md §5, §3.3): decides whether this process may run the cutover in a run
 * directory, using an OS lock for liveness and {@code RUNNING.lock} for who holds it.
 *
 * <p>Liveness is the OS lock on {@code RUN/.RUNNING.lock.flock}, never {@code kill -0 pid}: the kernel drops
 * it when the holder dies, so a reused pid cannot make a dead run look alive, and two racing processes
 * cannot both win. Wire one instance per process: POSIX drops every lock a process holds on a file when any
 * of its descriptors for that file is closed, so this class never opens a second channel on a file it holds.
 */
public final class RunLock {
    /** The OS lock file, next to {@code RUNNING.lock}; never deleted. */
    public static final String OS_LOCK_FILE = ".RUNNING.lock.flock";

    private final Clock clock;
    private final HostInfo host;
    private final Set<Path> heldHere = ConcurrentHashMap.newKeySet();

    public RunLock(Clock clock, HostInfo host) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Takes the OS lock and classifies the run directory without writing {@code RUNNING.lock}; on
     * {@link LockProbe.Acquired} the caller owns the OS lock until it releases, abandons or closes it.
     */
    public LockProbe probe(RunDirectory dir, LockRequest request) {
        LockFileStore store = new LockFileStore(dir.file(RunDirectory.LOCK));
        Path key = identity(dir);
        if (!heldHere.add(key)) {
            return live(store); // we hold it ourselves; opening another channel would drop our own lock
        }
        Optional<OsLock> osLock;
        try {
            osLock = OsLock.tryAcquire(dir.file(OS_LOCK_FILE), () -> heldHere.remove(key));
        } catch (RuntimeException e) {
            heldHere.remove(key);
            throw e;
        }
        if (osLock.isEmpty()) {
            heldHere.remove(key);
            return live(store);
        }
        return classify(store, request, osLock.get());
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
