package dev.cutover.engine;

import java.nio.file.Path;

/** The operator-facing sentences of lock refusals: what happened, then what to do. */
final class LockMessages {
    private LockMessages() {}

    static String live(Path lockFile, LockFile holder) {
        return "Another cutover run is live in this run directory: " + holder.describe()
                + ". Wait for it to finish or stop it there; do not delete " + lockFile + " while it runs.";
    }

    static String liveWithoutFile(Path lockFile) {
        return "Another cutover process on this host holds the OS lock on "
                + lockFile.resolveSibling(RunLock.OS_LOCK_FILE)
                + " (it is still in pre-flight or just finishing, so " + lockFile.getFileName()
                + " does not name it yet). Wait for it to end, then run again.";
    }

    static String otherHost(Path lockFile, LockFile holder) {
        return "Another cutover run holds this run directory from host " + holder.host() + ": " + holder.describe()
                + ". A process on another host cannot be checked from here, so the run counts as live."
                + " If you are certain it has ended, delete " + lockFile + " and run again with --resume.";
    }

    static String stale(Path lockFile, LockFile holder) {
        return "Stale lock from a crashed run (" + holder.describe() + "; " + pidFate(holder.pid())
                + "). Re-run with --resume to continue it; to start over instead, use a new run directory (this"
                + " one keeps its journal).";
    }

    static String unreadable(Path lockFile, String reason) {
        return lockFile + " exists but " + reason + ". No process on this host holds the run, but the file"
                + " cannot say which host wrote it. If no cutover runs on another host, delete " + lockFile
                + " and run again (with --resume to continue the journaled run).";
    }

    /** Only for the message: the OS lock, not the pid, decided that the holder is dead. */
    private static String pidFate(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                ? "pid " + pid + " is alive but does not hold the lock, so the pid was reused"
                : "pid " + pid + " is no longer running";
    }
}
