package dev.cutover.engine;

import dev.cutover.input.RunDirectory;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only look at a run directory's lock for {@code cutover status}: who {@code RUNNING.lock} names, and
 * whether a live process runs the cutover there.
 *
 * <p>Liveness comes from the OS lock first ({@link RunLock#observe}): it is held exactly as long as a run
 * lives, whether or not {@code RUNNING.lock} is still there (an operator may have deleted it) and whatever pid
 * it names (a dead run's pid may have been reused). Only when the OS lock cannot be seen does the pid decide
 * (same host and alive). A holder on another host counts as alive either way (FORMATS.md §3.3): its lock is not
 * this kernel's to see.
 *
 * @param holder the lock file's content, when it exists and is readable
 * @param live whether a live process holds the run directory
 */
public record LockInspection(Optional<LockFile> holder, boolean live) {
    /** The lock of {@code dir} as it is now. */
    public static LockInspection of(RunDirectory dir, Map<String, String> env) {
        LockFileStore.Stored stored = new LockFileStore(dir.file(RunDirectory.LOCK)).read();
        Optional<LockFile> holder =
                stored instanceof LockFileStore.Parsed parsed ? Optional.of(parsed.lock()) : Optional.empty();
        String thisHost = HostInfo.system(env).hostName();
        boolean otherHost =
                holder.map(h -> !h.host().equalsIgnoreCase(thisHost)).orElse(false);
        boolean live = switch (RunLock.observe(dir)) {
            case HELD -> true;
            case FREE -> otherHost;
            case UNKNOWN -> otherHost || holder.map(LockInspection::pidAlive).orElse(false);
        };
        return new LockInspection(holder, live);
    }

    private static boolean pidAlive(LockFile holder) {
        return ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
