package dev.cutover.engine;

/**
 * Pre-flight refusals with their exit codes (DESIGN.md §4), standing in for {@code ErrorCode} constants of
 * the same names until those are added to {@code dev.cutover.error.ErrorCode}.
 */
enum RefusalCode {
    LOCK_HELD(
            4,
            "Another live cutover run holds the run directory's lock.",
            "Wait for that run to finish; if it runs on another host and is certainly dead, delete RUNNING.lock."),
    STALE_LOCK(
            3,
            "RUNNING.lock was left by a cutover run that is no longer running.",
            "Re-run with --resume to continue that run, or delete RUNNING.lock to start fresh."),
    SIGNOFF_MISSING(
            3,
            "A signed checklist has no valid sign-off line in its first 50 lines.",
            "Have the approver fill in `> APPROVED BY: <name> ON: <YYYY-MM-DD>` at the top of the file."),
    INPUTS_STALE(
            3,
            "Input files were captured more than 14 days ago.",
            "Re-run discovery to refresh the inputs, or pass --accept-stale.");

    private final int exitCode;
    private final String cause;
    private final String fix;

    RefusalCode(int exitCode, String cause, String fix) {
        this.exitCode = exitCode;
        this.cause = cause;
        this.fix = fix;
    }

    int exitCode() {
        return exitCode;
    }

    String cause() {
        return cause;
    }

    String fix() {
        return fix;
    }
}
