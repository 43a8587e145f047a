package dev.cutover.app;

import java.util.Locale;

/** How the {@code execution-steps.json} on disk relates to what the inputs compile to now. */
public enum StepsFileState {
    /** No steps file yet. */
    MISSING,
    /** The file holds exactly the bytes the inputs compile to. */
    CURRENT,
    /** The file differs: the inputs (or the compiler) changed since it was written. */
    STALE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
