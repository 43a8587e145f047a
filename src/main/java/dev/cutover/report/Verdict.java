package dev.cutover.report;

import java.util.Locale;

/**
 * How a run ended (FORMATS.md §3.3), plus {@link #INTERRUPTED} for a run whose journal stops without an
 * end (crash, kill, lost terminal) as status and report see it; the engine never writes that one.
 */
public enum Verdict {
    COMPLETED,
    HALTED,
    ABORTED,
    FAILED,
    INTERRUPTED;

    /** The name written in {@code execution-summary.json}, e.g. {@code completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
