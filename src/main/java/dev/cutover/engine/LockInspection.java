package dev.cutover.engine;

import dev.cutover.input.RunDirectory;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only look at {@code RUNNING.lock} for {@code cutover status}: who holds it and whether that process
 * is alive (same host and its pid runs). It never takes the OS lock, so it cannot disturb a starting run.
 *
 * @param holder the lock file's content
 * @param live whether the holder looks alive (another host counts as alive, FORMATS.md §3.3)
 */
public record LockInspection(LockFile holder, boolean live) {
    /** The lock of {@code dir}, if a readable lock file exists. */
    public static Optional<LockInspection> of(RunDirectory dir, Map<String, String> env) {
        LockFileStore.Stored stored = new LockFileStore(dir.file(RunDirectory.LOCK)).read();
        if (!(stored instanceof LockFileStore.Parsed parsed)) {
            return Optional.empty();
        }
        LockFile lock = parsed.lock();
        boolean sameHost = lock.host().equalsIgnoreCase(HostInfo.system(env).hostName());
        boolean alive = !sameHost
                || ProcessHandle.of(lock.pid()).map(ProcessHandle::isAlive).orElse(false);
        return Optional.of(new LockInspection(lock, alive));
    }
}
