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

    /**
     * The verdict of an ended run whose {@code execution-summary.json} is gone, as far as its journal shows it:
     * {@link #COMPLETED} when every step succeeded or was skipped, else {@link #HALTED} (the run stopped with work
     * left; how it stopped was in the lost summary).
     */
    public static Verdict ofEndedRun(StepCounts counts) {
        return counts.allSucceededOrSkipped() ? COMPLETED : HALTED;
    }

    /** The name written in {@code execution-summary.json}, e.g. {@code completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
