package dev.cutover.engine;

/** What a look at a run directory's OS lock ({@link RunLock#observe}) saw. */
public enum OsLockSight {
    /** A live process holds it: a run is executing there (or starting, or finishing). */
    HELD,
    /** Nobody holds it: no process of this host runs the cutover there. */
    FREE,
    /** No lock file to look at, or it could not be opened: liveness must be judged another way. */
    UNKNOWN
}
