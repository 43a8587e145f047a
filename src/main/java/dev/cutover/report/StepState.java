package dev.cutover.report;

import java.util.Locale;

/** What a step's journal says about it, as status and reports show it. */
public enum StepState {
    /** {@code step-succeeded}, or {@code resume-marked-done} after a resume re-verify. */
    SUCCEEDED,
    /** Skipped by the operator. */
    SKIPPED,
    /** Ended in failure: failed, verify failed, rolled back, aborted on this step or re-prompted by resume. */
    FAILED,
    /** Has events but no outcome yet (started, awaiting approval, running, polling, verifying). */
    IN_FLIGHT,
    /** No events, and a required step (directly or transitively) was skipped or failed. */
    BLOCKED,
    /** No events yet. */
    PENDING;

    /** The lower-case, hyphenated name used in text and JSON, e.g. {@code in-flight}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the step cannot succeed in this run any more, so its dependents are blocked. */
    boolean blocksDependents() {
        return this == SKIPPED || this == FAILED || this == BLOCKED;
    }
}
