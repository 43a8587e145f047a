package dev.cutover.journal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The closed list of 25 journal events of FORMATS.md §3.2, each with its wire name. */
public enum JournalEvent {
    LOCK_ACQUIRED("lock-acquired"),
    LOCK_TAKEN_OVER_FROM_STALE("lock-taken-over-from-stale"),
    LOCK_RELEASED("lock-released"),
    STEP_STARTED("step-started"),
    SSO_PROBE_PASSED("sso-probe-passed"),
    SSO_PROBE_FAILED("sso-probe-failed"),
    PREVIEW_SHOWN("preview-shown"),
    APPROVAL_REQUESTED("approval-requested"),
    APPROVED("approved"),
    SKIPPED("skipped"),
    ABORTED("aborted"),
    EXECUTED("executed"),
    POLL_TICK("poll-tick"),
    POLL_TERMINAL("poll-terminal"),
    VERIFY_PASSED("verify-passed"),
    VERIFY_FAILED("verify-failed"),
    STEP_SUCCEEDED("step-succeeded"),
    STEP_FAILED("step-failed"),
    ROLLBACK_OFFERED("rollback-offered"),
    ROLLBACK_APPROVED("rollback-approved"),
    ROLLBACK_EXECUTED("rollback-executed"),
    ROLLBACK_SKIPPED("rollback-skipped"),
    RESUME_REVERIFIED("resume-reverified"),
    RESUME_MARKED_DONE("resume-marked-done"),
    RESUME_REPROMPTED("resume-reprompted");

    // Immutable lookup table; the enum itself is the only source of wire names.
    private static final Map<String, JournalEvent> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(JournalEvent::wireName, Function.identity()));

    private final String wireName;

    JournalEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in the journal's {@code event} field, e.g. {@code lock-acquired}. */
    public String wireName() {
        return wireName;
    }

    /** Looks an event up by its wire name; empty for anything outside the closed list. */
    public static Optional<JournalEvent> fromWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }

    /**
     * True for the events on which FORMATS.md §3.2 makes {@code operator} mandatory (we write it on all
     * events, but these are the ones an auditor must be able to attribute to a person).
     */
    public boolean isApprovalClass() {
        return switch (this) {
            case APPROVED,
                    SKIPPED,
                    ABORTED,
                    ROLLBACK_APPROVED,
                    ROLLBACK_SKIPPED,
                    LOCK_ACQUIRED,
                    LOCK_TAKEN_OVER_FROM_STALE -> true;
            default -> false;
        };
    }

    /** True for the three run lock events. */
    public boolean isLockEvent() {
        return this == LOCK_ACQUIRED || this == LOCK_TAKEN_OVER_FROM_STALE || this == LOCK_RELEASED;
    }

    /** True for the two SSO probe events, which carry the step about to run but say nothing about it. */
    public boolean isSsoProbe() {
        return this == SSO_PROBE_PASSED || this == SSO_PROBE_FAILED;
    }

    /** True for the four rollback dialog events. */
    public boolean isRollback() {
        return this == ROLLBACK_OFFERED
                || this == ROLLBACK_APPROVED
                || this == ROLLBACK_EXECUTED
                || this == ROLLBACK_SKIPPED;
    }

    /** True for events that resume classification (FORMATS.md §6.7) ignores whatever step they carry. */
    public boolean isIgnoredByResume() {
        return isLockEvent() || isSsoProbe();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
