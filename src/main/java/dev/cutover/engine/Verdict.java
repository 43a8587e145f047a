package dev.cutover.engine;

import java.util.Locale;

/** How a run ended (FORMATS.md §3.3), with the process exit code each maps to (DESIGN.md §4). */
public enum Verdict {
    /** Every step succeeded or was skipped. */
    COMPLETED(0),
    /** Any other stop: a failed, blocked or pending step left, an SSO halt, a stop choice. */
    HALTED(1),
    /** The operator aborted (including cancelling at go/no-go). */
    ABORTED(5),
    /** Pre-flight, compile or internal failure. */
    FAILED(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
