package dev.cutover.engine;

/** How a probe classified the run directory's lock (FORMATS.md §5, check 1). */
public enum LockState {
    /** Nobody holds or held the lock: we hold it now. */
    FREE,
    /** A process holds the OS lock, or the lock file names another host: refused. */
    LIVE,
    /** The lock file survives a dead process on this host and {@code --resume} was not given: refused. */
    STALE_NEEDS_RESUME,
    /** The lock file exists but cannot be parsed, so its host is unknown: refused even with {@code --resume}. */
    UNREADABLE,
    /** The lock file survives a dead process on this host and {@code --resume} takes it over: we hold it now. */
    STALE_TAKEOVER
}
